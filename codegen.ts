import type { CodegenConfig } from '@graphql-codegen/cli';

/** Resolver types from the SDL in schema/; parents are the API's own models (src/api/models.ts). */
const config: CodegenConfig = {
  schema: 'schema/*.graphql',
  generates: {
    'src/api/generated/resolvers.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useIndexSignature: false,
        contextType: '../context.js#ApiContext',
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: { ID: 'string' },
        mappers: {
          Region: '../models.js#RegionModel',
          Report: '../models.js#ReportModel',
          Practice: '../models.js#PracticeModel',
          System: '../models.js#PracticeModel',
          Evidence: '../models.js#EvidenceModel',
          Observation: '../models.js#ObservationModel',
          PolicyArea: '../models.js#PolicyAreaModel',
        },
      },
    },
  },
};

export default config;
