/**
 * What resolvers pass down as parents: rows from the store's catalogue, possibly partial (an
 * evidence row knows its report's id, title and year; a missing field is fetched by loader).
 */
import type { Status } from '../model/facts.js';

export interface RegionModel {
  code: string;
  name: string;
  level?: string;
  parentCode?: string | null;
  parentName?: string | null;
  province?: string | null;
}

export interface ReportModel {
  id: string;
  title: string;
  year: number;
  regionCode: string;
  publishedOn?: string | null;
  issuer?: string | null;
  docNumber?: string | null;
  sha256?: string;
  source?: string;
}

export interface PracticeModel {
  name: string;
  kind?: string;
  curated?: boolean;
  area?: number | null;
}

export interface EvidenceModel {
  reportId: string;
  reportTitle: string;
  reportYear: number;
  regionCode: string;
  regionName: string;
  status: Status;
  section: string;
  sentence: string;
  startOffset: number;
  endOffset: number;
  surface: string;
  /** Practice mentions: how extraction read them (TAXONOMY, RULE, MODEL); absent for other facts. */
  foundBy?: string | null;
}

export interface ObservationModel extends EvidenceModel {
  metric: string;
  value: number;
  unit: string;
  qualifier: string;
}

export interface PolicyAreaModel {
  id: number;
  name?: string;
}
