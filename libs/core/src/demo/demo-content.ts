import type { ActionItemStatus, Priority, Role, SourceParams, StakeholderRole } from '@docket/domain';

/**
 * What the demo team KOR tracks: the seven recommendations of a 2025 Heritage Foundation issue brief,
 * summarised in our own words (facts only; none of the paper's sentences), with made-up owners,
 * deadlines and progress so that every screen has something to show.
 */
export const DEMO_SOURCE: SourceParams = {
  title: 'An Agenda for the U.S.–South Korea Strategic Economic Partnership in 2025 and Beyond',
  authors: ['Anthony B. Kim', 'Derrick Morgan'],
  publisher: 'The Heritage Foundation',
  url: 'https://report.heritage.org/ib5370',
  publishedAt: null,
};

/** Demo people who may own work (a STAKEHOLDER only reads and comments). */
export type DemoOwner = Exclude<Role, 'STAKEHOLDER'>;

export interface DemoRecommendation {
  title: string;
  description: string;
  priority: Priority;
  labels: string[];
  /** The demo person (by role) who owns it. */
  owner: DemoOwner;
  /** Deadline, in days from the moment the demo loads. */
  dueInDays: number;
  /** States it is moved through after creation, from the initial one; empty: it stays PROPOSED. */
  path: string[];
  stakeholders?: Array<{ person: Role; role: StakeholderRole }>;
  actionItems?: Array<{ title: string; assignee: DemoOwner; dueInDays: number; status?: ActionItemStatus }>;
  comments?: Array<{ author: Role; body: string }>;
}

export const DEMO_RECOMMENDATIONS: DemoRecommendation[] = [
  {
    title: 'Make fuller use of the KORUS free trade agreement',
    description:
      'Treat the bilateral trade pact, revised in 2018, as a platform for joint work on supply-chain security, ' +
      'semiconductors and advanced manufacturing. Korean firms pledged over $20 billion for American projects in ' +
      '2023, which made Korea the largest investor in the U.S. that year.',
    priority: 'HIGH',
    labels: ['trade', 'supply-chains'],
    owner: 'MANAGER',
    dueInDays: 30,
    path: ['ACCEPTED', 'IN_PROGRESS'],
    stakeholders: [
      { person: 'MEMBER', role: 'RESPONSIBLE' },
      { person: 'STAKEHOLDER', role: 'INFORMED' },
    ],
    actionItems: [
      {
        title: 'Map the sectors where the pact leaves room for more investment',
        assignee: 'MEMBER',
        dueInDays: 10,
        status: 'DONE',
      },
      { title: 'Brief the joint committee on chip supply-chain priorities', assignee: 'MANAGER', dueInDays: 21 },
    ],
    comments: [
      {
        author: 'MANAGER',
        body: 'Kick-off done with the trade desk. The sector map is finished; the briefing comes next.',
      },
      {
        author: 'STAKEHOLDER',
        body: 'Could the briefing cover the battery plants too? Our members keep asking about them.',
      },
    ],
  },
  {
    title: 'Set up a defense development and production partnership',
    description:
      "Draw on Korea's shipbuilding and defense industry so the U.S. meets its production goals sooner; a Korean " +
      "company's purchase of Philly Shipyard is an early example. Conclude a Reciprocal Defense Procurement " +
      'agreement to lower the barriers to defense trade between the two countries.',
    priority: 'URGENT',
    labels: ['defense', 'industry'],
    owner: 'ADMIN',
    dueInDays: 45,
    path: ['ACCEPTED'],
    stakeholders: [
      { person: 'MANAGER', role: 'ACCOUNTABLE' },
      { person: 'STAKEHOLDER', role: 'CONSULTED' },
    ],
    actionItems: [
      { title: 'Outline the terms of a procurement agreement', assignee: 'ADMIN', dueInDays: 25 },
      { title: 'List the shipyards able to take on naval repair work', assignee: 'MEMBER', dueInDays: 35 },
    ],
  },
  {
    title: 'Cooperate on AI and biomedical technology',
    description:
      'Agree on a shared framework, tied to KORUS, for backing artificial intelligence and biomedical research ' +
      'and bringing it to market, with attention to secure IT networks and public-health capacity.',
    priority: 'MEDIUM',
    labels: ['technology', 'health'],
    owner: 'MEMBER',
    dueInDays: 60,
    path: [],
  },
  {
    title: 'Expand energy trade',
    description:
      'Start a bilateral energy-trade initiative so that American supplies shore up Korean energy security. ' +
      'Work together on civil nuclear power (advanced reactors, spent-fuel handling) to compete with Russia and ' +
      'China as exporters of plants, and later widen the effort to Japan and Taiwan.',
    priority: 'HIGH',
    labels: ['energy', 'nuclear'],
    owner: 'MEMBER',
    dueInDays: 75,
    path: ['ACCEPTED', 'IN_PROGRESS'],
    stakeholders: [{ person: 'ADMIN', role: 'ACCOUNTABLE' }],
    actionItems: [
      { title: 'Shortlist LNG and civil nuclear projects', assignee: 'MEMBER', dueInDays: 20, status: 'IN_PROGRESS' },
      { title: 'Schedule a working session on reactor exports', assignee: 'MANAGER', dueInDays: 40 },
    ],
    comments: [{ author: 'MEMBER', body: 'Shortlist is half done; spent-fuel handling needs its own session.' }],
  },
  {
    title: 'Make the case for a G8 seat for Korea',
    description:
      'Argue for enlarging the G7 by inviting Korea to join, and raise it at the 2025 summit hosted by Canada, ' +
      "the group's fiftieth anniversary.",
    priority: 'LOW',
    labels: ['diplomacy'],
    owner: 'ADMIN',
    dueInDays: 120,
    path: [],
  },
  {
    title: 'Deepen practical cooperation between Korea and NATO',
    description:
      'Korea is already a partner of the alliance and a major non-NATO ally by U.S. designation. Turn that ' +
      "standing into concrete joint work that adds to NATO's forward defense.",
    priority: 'MEDIUM',
    labels: ['security', 'europe'],
    owner: 'MANAGER',
    dueInDays: 150,
    path: ['DEFERRED'],
  },
  {
    title: 'Bring Korea into the Three Seas Initiative',
    description:
      'Encourage Korean participation in the 3SI, the grouping of twelve Central and Eastern European states ' +
      'from the Baltic to the Adriatic and Black Sea regions that backs infrastructure, energy and digital projects, ' +
      'working first with Poland, Czechia, Hungary and Romania.',
    priority: 'LOW',
    labels: ['europe', 'infrastructure'],
    owner: 'MEMBER',
    dueInDays: 180,
    path: [],
  },
];
