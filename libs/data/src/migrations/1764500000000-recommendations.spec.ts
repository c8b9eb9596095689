import { DEFAULT_WORKFLOW } from '@docket/domain';

import { WORKFLOW_BACKFILL } from './1764500000000-recommendations';

describe('Recommendations1764500000000', () => {
  it('backfills existing teams with the default workflow of its day', () => {
    expect(WORKFLOW_BACKFILL).toEqual(DEFAULT_WORKFLOW);
  });
});
