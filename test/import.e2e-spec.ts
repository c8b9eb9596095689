import * as fs from 'node:fs';
import * as path from 'node:path';

import { DemoService, ImportsService, RecommendationsService, SourcesService } from '@docket/core';
import { DomainError, MAX_IMPORT_TEXT_BYTES, parseRecommendations } from '@docket/domain';
import type { GraphqlClient } from '@docket/testing';

import { startTestApi, type TestApi } from './support/api-harness';

const SEED_PAPER = fs.readFileSync(path.resolve(__dirname, '../../shared/data/000_379d02b96abee889.txt'), 'utf8');

const SOURCE_FIELDS = 'id title authors publisher url publishedAt recommendationCount';
const REC_FIELDS = `id identifier number title description dueAt owner { id } state { key } source { id }`;
const IMPORT = `mutation($input: ImportInput!) { importRecommendations(input: $input) {
  source { ${SOURCE_FIELDS} } recommendations { ${REC_FIELDS} } warnings } }`;
const PREVIEW = `query($text: String!) { previewImport(text: $text) { title description } }`;
const SOURCES = `query($teamKey: String) { sources(teamKey: $teamKey) { ${SOURCE_FIELDS} } }`;
const CREATE = `mutation($input: CreateRecommendationInput!) { createRecommendation(input: $input) {
  id identifier source { id title recommendationCount } } }`;
const BY_IDENTIFIER = `query($identifier: String!) { recommendationByIdentifier(identifier: $identifier) { ${REC_FIELDS} } }`;
const CREATE_TEAM = `mutation($input: CreateTeamInput!) { createTeam(input: $input) { key } }`;
const ADD_MEMBER = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { role } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token } }`;

interface Source {
  id: string;
  title: string;
  authors: string[];
  publisher: string | null;
  url: string | null;
  publishedAt: string | null;
  recommendationCount: number;
}

interface Rec {
  id: string;
  identifier: string;
  number: number;
  title: string;
  description: string;
  dueAt: string | null;
  owner: { id: string } | null;
  state: { key: string };
  source: { id: string } | null;
}

interface ImportResult {
  source: Source;
  recommendations: Rec[];
  warnings: string[];
}

interface Person {
  client: GraphqlClient;
  id: string;
}

const HERITAGE = {
  title: 'An Agenda for the U.S.–South Korea Strategic Economic Partnership in 2025 and Beyond',
  authors: ['Anthony B. Kim', 'Derrick Morgan'],
  publisher: 'The Heritage Foundation',
  url: 'https://report.heritage.org/ib5370',
};

/** A document of the `Recommendation n:` shape, written for this test. */
const LABELLED_REPORT = [
  'Audit of the Widget Program',
  '',
  'We reviewed how the agency buys and tracks widgets.',
  '',
  'Recommendation 1: The Administrator should publish a widget inventory every quarter. It should list each site.',
  '',
  'Recommendation 2: The Director of Procurement should consolidate widget contracts. Savings would follow.',
  '',
  'Sites told us they were not consulted.',
  '',
  'Recommendation 3 - Train every site manager on widget tracking',
  '',
  'Endnotes',
  '',
  '1. Recommendation 9: Not a recommendation, an endnote.',
].join('\n');

describe('sources and imports', () => {
  let api: TestApi;
  let admin: Person;
  let member: Person;
  let stakeholder: Person;
  let outsider: Person;

  const person = async (email: string): Promise<Person> => {
    const { client, userId } = await api.signUp(email);
    return { client, id: userId };
  };
  const importAs = async (client: GraphqlClient, input: Record<string, unknown>) =>
    (await client.data<{ importRecommendations: ImportResult }>(IMPORT, { input })).importRecommendations;
  const counts = async () => {
    const [row] = await api.database.query<{
      sources: number;
      recommendations: number;
      activities: number;
      next: number;
    }>(
      `SELECT (SELECT count(*)::int FROM sources) AS sources,
              (SELECT count(*)::int FROM recommendations) AS recommendations,
              (SELECT count(*)::int FROM activities) AS activities,
              (SELECT sum(next_recommendation_number)::int FROM teams) AS next`,
    );
    return row!;
  };

  beforeAll(async () => {
    api = await startTestApi();
    admin = await person('admin@example.com');
    member = await person('member@example.com');
    stakeholder = await person('stakeholder@example.com');
    outsider = await person('outsider@example.com');
    await admin.client.data(CREATE_TEAM, { input: { key: 'KOR', name: 'Korea' } });
    await admin.client.data(ADD_MEMBER, { input: { teamKey: 'KOR', email: 'member@example.com', role: 'MEMBER' } });
    await admin.client.data(ADD_MEMBER, {
      input: { teamKey: 'KOR', email: 'stakeholder@example.com', role: 'STAKEHOLDER' },
    });
    await outsider.client.data(CREATE_TEAM, { input: { key: 'OUT', name: 'Elsewhere' } });
  });
  afterAll(() => api.close());

  describe('importRecommendations', () => {
    it('turns the seed paper into KOR-1..KOR-7 with one source, the defaults and CREATED activities', async () => {
      const dueAt = '2026-09-30T09:00:00.000Z';
      const result = await importAs(member.client, {
        teamKey: 'KOR',
        source: { ...HERITAGE, publishedAt: '2025-01-21T00:00:00Z' },
        text: SEED_PAPER,
        defaultOwnerId: member.id,
        defaultDueAt: dueAt,
      });

      const expected = parseRecommendations(SEED_PAPER).recommendations;
      expect(expected).toHaveLength(7);
      expect(result.recommendations.map((r) => r.identifier)).toEqual([
        'KOR-1',
        'KOR-2',
        'KOR-3',
        'KOR-4',
        'KOR-5',
        'KOR-6',
        'KOR-7',
      ]);
      expect(result.recommendations.map((r) => r.title)).toEqual(expected.map((r) => r.title));
      expect(result.recommendations.map((r) => r.description)).toEqual(expected.map((r) => r.description));
      expect(result.recommendations[3]!.title).toBe('Scaling up energy trade between the U.S. and South Korea');
      for (const rec of result.recommendations) {
        expect(rec).toMatchObject({
          owner: { id: member.id },
          dueAt,
          state: { key: 'PROPOSED' },
          source: { id: result.source.id },
        });
      }
      expect(result.source).toEqual({
        id: expect.any(String),
        ...HERITAGE,
        publishedAt: '2025-01-21T00:00:00.000Z',
        recommendationCount: 7,
      });
      expect(result.warnings).toEqual([]);

      const activities = await api.database.query<{ recommendation_id: string; kind: string; actor_id: string }>(
        `SELECT recommendation_id, kind, actor_id FROM activities WHERE recommendation_id = ANY($1::uuid[])`,
        [result.recommendations.map((r) => r.id)],
      );
      expect(activities).toHaveLength(7);
      expect(activities.every((a) => a.kind === 'CREATED' && a.actor_id === member.id)).toBe(true);
      expect(new Set(activities.map((a) => a.recommendation_id)).size).toBe(7);

      const stored = await api.database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM recommendations WHERE source_id = $1`,
        [result.source.id],
      );
      expect(stored[0]!.n).toBe(7);
    });

    it('reads a `Recommendation n:` document, skipping endnotes, and continues the team numbering', async () => {
      const result = await importAs(admin.client, {
        teamKey: 'KOR',
        source: { title: 'Widget audit' },
        text: LABELLED_REPORT,
      });
      expect(result.recommendations.map((r) => [r.title, r.description])).toEqual([
        ['The Administrator should publish a widget inventory every quarter', 'It should list each site.'],
        [
          'The Director of Procurement should consolidate widget contracts',
          'Savings would follow.\n\nSites told us they were not consulted.',
        ],
        ['Train every site manager on widget tracking', ''],
      ]);
      expect(result.recommendations.map((r) => r.identifier)).toEqual(['KOR-8', 'KOR-9', 'KOR-10']);
      expect(result.recommendations.every((r) => r.owner === null && r.dueAt === null)).toBe(true);
      expect(result.source).toMatchObject({ authors: [], publisher: null, url: null, recommendationCount: 3 });
    });

    it("passes on the parser's warnings", async () => {
      const long = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
      const result = await importAs(admin.client, {
        teamKey: 'KOR',
        source: { title: 'Long titles' },
        text: `- **Short.** Fine.\n- **${long}.** Cut.`,
      });
      expect(result.recommendations[1]!.title.endsWith('…')).toBe(true);
      expect(result.warnings).toEqual(['Recommendation 2: title was longer than 300 characters and was cut (line 2)']);
    });

    it('refuses a STAKEHOLDER (FORBIDDEN) and an outsider (NOT_FOUND), creating nothing', async () => {
      const before = await counts();
      const input = { teamKey: 'KOR', source: { title: 'No' }, text: SEED_PAPER };
      expect((await stakeholder.client.error(IMPORT, { input })).extensions?.code).toBe('FORBIDDEN');
      expect((await outsider.client.error(IMPORT, { input })).extensions?.code).toBe('NOT_FOUND');
      expect(await counts()).toEqual(before);
    });

    it.each([
      ['text with no recommendations', { text: 'Only prose here.\n\nAnd more prose.' }, 'input.text'],
      ['an empty text', { text: '' }, 'input.text'],
      ['a defaultOwnerId from outside the team', { defaultOwnerId: 'OUTSIDER' }, 'input.defaultOwnerId'],
      ['a malformed defaultOwnerId', { defaultOwnerId: 'not-a-uuid' }, 'input.defaultOwnerId'],
      ['an ftp source URL', { source: { title: 'T', url: 'ftp://example.org/report.pdf' } }, 'input.source.url'],
      ['a javascript: source URL', { source: { title: 'T', url: 'javascript:alert(1)' } }, 'input.source.url'],
      ['a source URL that is no URL', { source: { title: 'T', url: 'report.pdf' } }, 'input.source.url'],
      ['a blank source title', { source: { title: '   ' } }, 'input.source.title'],
    ])('refuses %s with BAD_USER_INPUT naming the field, creating nothing', async (_label, override, field) => {
      const before = await counts();
      const input: Record<string, unknown> = {
        teamKey: 'KOR',
        source: { title: 'Refused' },
        text: SEED_PAPER,
        ...override,
      };
      if (input['defaultOwnerId'] === 'OUTSIDER') input['defaultOwnerId'] = outsider.id;
      const error = await admin.client.error(IMPORT, { input });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await counts()).toEqual(before);
    });

    it('refuses text over 1 MiB: HTTP 413 at the door, BAD_USER_INPUT on input.text in the service', async () => {
      const before = await counts();
      const text = `- **Title.** ${'é'.repeat(MAX_IMPORT_TEXT_BYTES / 2)}`;
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: IMPORT,
          variables: { input: { teamKey: 'KOR', source: { title: 'Big' }, text } },
        }),
      });
      expect(response.status).toBe(413);

      // Below the HTTP limit the service is the only guard; call it as the resolver does.
      const imports = api.app.get(ImportsService);
      const refused = imports.importText(admin.id, { teamKey: 'KOR', source: { title: 'Big' }, text });
      await expect(refused).rejects.toBeInstanceOf(DomainError);
      await expect(refused).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.text' });
      expect(await counts()).toEqual(before);
    });

    it('creates nothing when a write fails half-way through', async () => {
      const before = await counts();
      const recommendations = api.app.get(RecommendationsService);
      const original = recommendations.createIn.bind(recommendations);
      let calls = 0;
      const spy = jest.spyOn(recommendations, 'createIn').mockImplementation(async (...args) => {
        calls += 1;
        if (calls === 4) throw new Error('simulated failure after three recommendations');
        return original(...args);
      });
      try {
        const error = await admin.client.error(IMPORT, {
          input: { teamKey: 'KOR', source: { title: 'Half-way' }, text: SEED_PAPER },
        });
        expect(error.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
      } finally {
        spy.mockRestore();
      }
      expect(calls).toBe(4);
      expect(await counts()).toEqual(before);
    });
  });

  describe('previewImport', () => {
    it("returns the parser's findings to any signed-in member, writing nothing", async () => {
      const before = await counts();
      const { previewImport } = await stakeholder.client.data<{ previewImport: Rec[] }>(PREVIEW, { text: SEED_PAPER });
      expect(previewImport).toEqual(parseRecommendations(SEED_PAPER).recommendations);
      expect(previewImport).toHaveLength(7);
      const none = await outsider.client.data<{ previewImport: Rec[] }>(PREVIEW, { text: 'Nothing to find.' });
      expect(none.previewImport).toEqual([]);
      expect(await counts()).toEqual(before);
    });

    it('needs a token', async () => {
      expect((await api.client.error(PREVIEW, { text: SEED_PAPER })).extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('sources', () => {
    it("lists the caller's sources with their counts, batching the counts into one query", async () => {
      const counter = jest.spyOn(api.app.get(SourcesService), 'recommendationCounts');
      try {
        const { sources } = await member.client.data<{ sources: Source[] }>(SOURCES, { teamKey: 'KOR' });
        expect(sources.length).toBeGreaterThanOrEqual(3);
        expect(sources.slice(0, 3).map((s) => [s.title, s.recommendationCount])).toEqual([
          [HERITAGE.title, 7],
          ['Widget audit', 3],
          ['Long titles', 2],
        ]);
        expect(counter).toHaveBeenCalledTimes(1);
      } finally {
        counter.mockRestore();
      }
      const all = await member.client.data<{ sources: Source[] }>(SOURCES, {});
      expect(all.sources.map((s) => s.title)).toContain(HERITAGE.title);
    });

    it('hides other teams: NOT_FOUND for their key, absent from the list', async () => {
      const error = await outsider.client.error(SOURCES, { teamKey: 'KOR' });
      expect(error.extensions?.code).toBe('NOT_FOUND');
      expect((await outsider.client.error(SOURCES, { teamKey: 'NONE' })).extensions?.code).toBe('NOT_FOUND');
      const { sources } = await outsider.client.data<{ sources: Source[] }>(SOURCES, {});
      expect(sources).toEqual([]);
    });

    it('links createRecommendation to a source of its team, refusing another team’s on input.sourceId', async () => {
      const [heritage] = (await admin.client.data<{ sources: Source[] }>(SOURCES, { teamKey: 'KOR' })).sources;
      const { createRecommendation } = await admin.client.data<{
        createRecommendation: { identifier: string; source: { id: string; recommendationCount: number } };
      }>(CREATE, { input: { teamKey: 'KOR', title: 'One more from the paper', sourceId: heritage!.id } });
      expect(createRecommendation.source).toMatchObject({ id: heritage!.id, recommendationCount: 8 });

      const theirs = await importAs(outsider.client, {
        teamKey: 'OUT',
        source: { title: 'Their report' },
        text: '- **Their item.** Text.',
      });
      const before = await counts();
      const error = await admin.client.error(CREATE, {
        input: { teamKey: 'KOR', title: 'Borrowed source', sourceId: theirs.source.id },
      });
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sourceId' });
      expect(await counts()).toEqual(before);
    });
  });
});

/** Lower-case words, apostrophes and dashes as separators: what the copy check compares. */
const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

const WINDOW = 8;

/** Runs of WINDOW consecutive words of `text` that also occur in `corpus`. */
function sharedRuns(text: string, corpus: Set<string>): string[] {
  const tokens = words(text);
  const runs: string[] = [];
  for (let i = 0; i + WINDOW <= tokens.length; i++) {
    const run = tokens.slice(i, i + WINDOW).join(' ');
    if (corpus.has(run)) runs.push(run);
  }
  return runs;
}

describe('the demo', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi({ env: { DOCKET_DEMO: 'true' } });
  });
  afterAll(() => api.close());

  it('loads team KOR with the paper as its source and seven owned, dated recommendations in our own words', async () => {
    const started = Date.now();
    const logins = await api.app.get(DemoService).loadIfWanted();
    expect(logins?.map((l) => l.email)).toContain('member@docket.demo');

    const { login } = await api.client.data<{ login: { token: string } }>(LOGIN, {
      input: { email: 'member@docket.demo', password: 'docket-demo' },
    });
    const client = api.client.as(login.token);
    const { sources } = await client.data<{ sources: Source[] }>(SOURCES, { teamKey: 'KOR' });
    expect(sources).toEqual([expect.objectContaining({ ...HERITAGE, recommendationCount: 7 })]);

    const recs: Rec[] = [];
    for (let n = 1; n <= 8; n++) {
      const { recommendationByIdentifier } = await client.data<{ recommendationByIdentifier: Rec | null }>(
        BY_IDENTIFIER,
        { identifier: `KOR-${n}` },
      );
      if (recommendationByIdentifier) recs.push(recommendationByIdentifier);
    }
    expect(recs.map((r) => r.identifier)).toEqual(['KOR-1', 'KOR-2', 'KOR-3', 'KOR-4', 'KOR-5', 'KOR-6', 'KOR-7']);
    for (const rec of recs) {
      expect(rec.owner).not.toBeNull();
      expect(rec.source).toEqual({ id: sources[0]!.id });
      expect(new Date(rec.dueAt!).getTime()).toBeGreaterThan(started);
      expect(rec.description.length).toBeGreaterThan(40);
    }
    expect(new Set(recs.map((r) => r.dueAt)).size).toBe(7);
    const states = recs.map((r) => r.state.key);
    expect(states).toContain('ACCEPTED');
    expect(states).toContain('IN_PROGRESS');
    expect(states).toContain('PROPOSED');

    // Some work is staffed, planned and discussed, through the same services as the API.
    const [extras] = await api.database.query<{ stakeholders: number; items: number; done: number; comments: number }>(
      `SELECT (SELECT count(*)::int FROM stakeholders) AS stakeholders,
              (SELECT count(*)::int FROM action_items) AS items,
              (SELECT count(*)::int FROM action_items WHERE status = 'DONE') AS done,
              (SELECT count(*)::int FROM comments) AS comments`,
    );
    expect(extras!.stakeholders).toBeGreaterThanOrEqual(3);
    expect(extras!.items).toBeGreaterThanOrEqual(3);
    expect(extras!.done).toBeGreaterThanOrEqual(1);
    expect(extras!.comments).toBeGreaterThanOrEqual(2);

    // Every title and description is in the team's own words: no run of 8 words from the paper.
    const paper = words(SEED_PAPER);
    const corpus = new Set<string>();
    for (let i = 0; i + WINDOW <= paper.length; i++) corpus.add(paper.slice(i, i + WINDOW).join(' '));
    const rows = await api.database.query<{ title: string; description: string }>(
      `SELECT r.title, r.description FROM recommendations r JOIN teams t ON t.id = r.team_id WHERE t.key = 'KOR'`,
    );
    expect(rows).toHaveLength(7);
    for (const row of rows) {
      expect({ title: row.title, copied: sharedRuns(row.title, corpus) }).toEqual({ title: row.title, copied: [] });
      expect({ title: row.title, copied: sharedRuns(row.description, corpus) }).toEqual({
        title: row.title,
        copied: [],
      });
    }
    // The check itself catches a copied sentence, whatever its case and punctuation.
    expect(
      sharedRuns('In a spirit of PUTTING partnership, and alliance into concrete joint action', corpus),
    ).not.toEqual([]);
  });

  it('loads only once', async () => {
    expect(await api.app.get(DemoService).loadIfWanted()).toBeNull();
    const [row] = await api.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM recommendations`);
    expect(row!.n).toBe(7);
  });
});
