/**
 * The Cypher lint (`npm run lint:cypher`) is set up to catch what Neo4j 5 would refuse: these
 * statements are wrong on purpose. (The catalogue itself is linted by `npm test` before vitest.)
 */
import { describe, expect, it } from 'vitest';
import { lintStatements, neo4jStatements } from '../../scripts/lintCypher.js';
import { catalogue, schema } from '../../src/store/catalogue.js';

const problemsOf = (cypher: string, params: string[] = []) => lintStatements([{ name: 'x', cypher, params }]).map((p) => p.message);

describe('lint:cypher', () => {
  it('lints every catalogue query and every Neo4j schema statement', () => {
    expect(neo4jStatements()).toHaveLength(catalogue.length + schema.neo4j.length);
  });

  it('flags a LadybugDB-only function, a plugin function, an undeclared and an unused parameter, a misspelt label and property', () => {
    const problems = problemsOf('MATCH (r:Reprot) WHERE r.yeer = $year AND list_extract([1], 1) = apoc.coll.sum([1]) RETURN r.id AS id', ['unused']).join('\n');
    expect(problems).toContain('Function list_extract is not present');
    expect(problems).toContain('Function apoc.coll.sum is not present');
    expect(problems).toContain('Parameter $year is not defined');
    expect(problems).toContain('declares parameter $unused but never uses it');
    expect(problems).toContain('Label Reprot is not present');
    expect(problems).toContain('yeer is not present');
  });

  it('passes a statement Neo4j 5 accepts', () => {
    expect(problemsOf('MATCH (r:Report)-[:ABOUT]->(g:Region) WHERE r.year = $year RETURN g.name AS name, count(r) AS reports', ['year'])).toEqual([]);
  });
});
