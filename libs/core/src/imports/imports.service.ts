import type { RecommendationEntity, SourceEntity } from '@docket/data';
import {
  assertDescription,
  assertImportText,
  assertPriority,
  assertTitle,
  assertUuid,
  badInput,
  MAX_DESCRIPTION_LENGTH,
  MAX_IMPORT_TEXT_BYTES,
  normalizeLabels,
  normalizeSource,
  type ParsedRecommendation,
  parseRecommendations,
  type Priority,
  type SourceFields,
  type SourceParams,
} from '@docket/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { type NewRecommendation, RecommendationsService } from '../recommendations/recommendations.service';
import { SourcesService } from '../sources/sources.service';
import { assertTeamMember } from '../stakeholders/recommendation-actor.util';
import { TeamAccessService } from '../teams/team-access.service';

/** More than any report holds; keeps one import's transaction (three statements a recommendation) short. */
export const MAX_IMPORT_RECOMMENDATIONS = 1000;

export interface ImportParams {
  teamKey: string;
  source: SourceParams;
  /** Plain text or Markdown holding the recommendations. */
  text: string;
  defaultOwnerId?: string | null;
  defaultDueAt?: Date | null;
}

/** One recommendation of a source written out field by field (the demo's way in). */
export interface SourceRecommendationParams {
  title: string;
  description?: string | null;
  priority?: Priority | null;
  labels?: string[] | null;
  ownerId?: string | null;
  dueAt?: Date | null;
}

export interface SourceWithRecommendationsParams {
  teamKey: string;
  source: SourceParams;
  recommendations: SourceRecommendationParams[];
}

export interface ImportOutcome {
  source: SourceEntity;
  /** In document order, numbered consecutively. */
  recommendations: RecommendationEntity[];
  warnings: string[];
}

type Draft = Omit<NewRecommendation, 'sourceId'>;

/** A user to check for membership before anything is written, and the input field to blame. */
interface OwnerCheck {
  userId: string;
  field: string;
}

/**
 * Creates a source and its recommendations in one transaction: all of them or, on any failure, nothing.
 * Each recommendation goes through `RecommendationsService.createIn`, so numbering and activity are
 * those of `createRecommendation`.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TeamAccessService,
    private readonly sources: SourcesService,
    private readonly recommendations: RecommendationsService,
  ) {}

  /** What an import of `text` would create; writes nothing. No recommendations is an empty list, not an error. */
  preview(text: string): ParsedRecommendation[] {
    if (Buffer.byteLength(text, 'utf8') > MAX_IMPORT_TEXT_BYTES) {
      throw badInput('text', `must be at most ${MAX_IMPORT_TEXT_BYTES} bytes (1 MiB) of UTF-8 text`);
    }
    return parseRecommendations(text).recommendations;
  }

  /** `importRecommendations`: the recommendations found in `text`, with the defaults applied to each. */
  async importText(actorId: string, params: ImportParams): Promise<ImportOutcome> {
    const source = normalizeSource(params.source, 'input.source');
    const ownerId = params.defaultOwnerId != null ? assertUuid(params.defaultOwnerId, 'input.defaultOwnerId') : null;
    const { recommendations, warnings } = assertImportText(params.text, 'input.text');
    assertCount(recommendations.length, 'input.text');
    const drafts = recommendations.map((parsed, i): Draft => {
      // The parser keeps titles within bounds; a description can still outgrow what a recommendation holds.
      if (parsed.description.length > MAX_DESCRIPTION_LENGTH) {
        throw badInput(
          'input.text',
          `recommendation ${i + 1} ("${parsed.title}") has a description over ${MAX_DESCRIPTION_LENGTH} characters`,
        );
      }
      return {
        title: assertTitle(parsed.title, 'input.text'),
        description: parsed.description,
        priority: 'NONE',
        labels: [],
        ownerId,
        dueAt: params.defaultDueAt ?? null,
      };
    });
    const owners = ownerId ? [{ userId: ownerId, field: 'input.defaultOwnerId' }] : [];
    return { ...(await this.write(actorId, params.teamKey, source, drafts, owners)), warnings };
  }

  /** A source with recommendations given field by field, under the rules of `createRecommendation`. */
  async createWithRecommendations(actorId: string, params: SourceWithRecommendationsParams): Promise<ImportOutcome> {
    const source = normalizeSource(params.source, 'input.source');
    assertCount(params.recommendations.length, 'input.recommendations');
    const owners: OwnerCheck[] = [];
    const drafts = params.recommendations.map((r, i): Draft => {
      const field = `input.recommendations[${i}]`;
      const ownerId = r.ownerId != null ? assertUuid(r.ownerId, `${field}.ownerId`) : null;
      if (ownerId) owners.push({ userId: ownerId, field: `${field}.ownerId` });
      return {
        title: assertTitle(r.title, `${field}.title`),
        description: assertDescription(r.description, `${field}.description`),
        priority: assertPriority(r.priority, `${field}.priority`),
        labels: normalizeLabels(r.labels, `${field}.labels`),
        ownerId,
        dueAt: r.dueAt ?? null,
      };
    });
    return { ...(await this.write(actorId, params.teamKey, source, drafts, owners)), warnings: [] };
  }

  private async write(
    actorId: string,
    teamKey: string,
    sourceFields: SourceFields,
    drafts: Draft[],
    owners: OwnerCheck[],
  ): Promise<Omit<ImportOutcome, 'warnings'>> {
    const team = await this.access.requireTeam(actorId, teamKey, 'CREATE_RECOMMENDATION');
    return this.dataSource.transaction(async (manager) => {
      const checked = new Set<string>();
      for (const { userId, field } of owners) {
        if (checked.has(userId)) continue;
        await assertTeamMember(manager, team.id, userId, field);
        checked.add(userId);
      }
      const source = await this.sources.insert(manager, team.id, sourceFields);
      const recommendations: RecommendationEntity[] = [];
      // One at a time: each takes the next number of the team's sequence, in document order.
      for (const draft of drafts) {
        recommendations.push(
          await this.recommendations.createIn(manager, actorId, team.id, { ...draft, sourceId: source.id }),
        );
      }
      return { source, recommendations };
    });
  }
}

function assertCount(count: number, field: string): void {
  if (count === 0) throw badInput(field, 'no recommendations to create');
  if (count > MAX_IMPORT_RECOMMENDATIONS) {
    throw badInput(field, `holds ${count} recommendations; one import creates at most ${MAX_IMPORT_RECOMMENDATIONS}`);
  }
}
