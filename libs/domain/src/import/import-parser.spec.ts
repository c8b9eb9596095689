import * as fs from 'node:fs';
import * as path from 'node:path';

import { DomainError } from '../errors';
import { assertImportText, MAX_IMPORT_TEXT_BYTES, parseRecommendations } from './import-parser';

const SEED_PAPER = path.resolve(__dirname, '../../../../../shared/data/000_379d02b96abee889.txt');

const titles = (text: string): string[] => parseRecommendations(text).recommendations.map((r) => r.title);

const doc = (...lines: string[]): string => lines.join('\n');

describe('parseRecommendations on the seed paper', () => {
  const text = fs.readFileSync(SEED_PAPER, 'utf8');
  const result = parseRecommendations(text);

  it('finds exactly its seven recommendations, in order', () => {
    expect(result.recommendations.map((r) => r.title)).toEqual([
      'Making renewed and strategic efforts to maximize the utility of the KORUS FTA',
      'Prioritizing and pursuing a bilateral strategic defense development and production partnership',
      'Working together for bilateral AI and biomedical technology development and application',
      'Scaling up energy trade between the U.S. and South Korea',
      'Considering the case for expanding the Group of 7 (G7) to the Group of 8 by inviting the Republic of Korea',
      'Fostering greater practical engagement between the Republic of Korea and the North Atlantic Treaty Organization (NATO)',
      'Encouraging the practical participation of South Korea in the Three Seas Initiative (3SI)',
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('carries an item on across blank lines up to the next item', () => {
    const [first, second, , , fifth] = result.recommendations;
    expect(first.description).toMatch(/^Enhancing dynamic entrepreneurial engagements/);
    expect(first.description).toContain('commonly known as the KORUS FTA');
    expect(first.description).toContain('In a spirit of putting partnership and alliance');
    expect(first.description).not.toContain('Prioritizing');
    expect(second.description).toContain('To that end, ensuring a Reciprocal Defense Procurement');
    expect(fifth.description).toContain('the case for South Korea’s membership during the next G7 summit');
  });

  it('removes markdown from descriptions and keeps endnotes out', () => {
    for (const { description } of result.recommendations) {
      expect(description).not.toContain('**');
      expect(description).not.toContain('accessed January 9, 2025');
      expect(description).not.toContain('Derrick Morgan');
    }
    expect(result.recommendations[0].description).toContain('more than $20 billion');
  });
});

describe('shape 1: items led by bold text', () => {
  it('takes the bold lead of numbered items as the title, with `__x__` and `1)` markers', () => {
    const result = parseRecommendations(
      doc(
        'Intro paragraph that mentions nothing in particular.',
        '',
        '1. __Fund the program.__ Congress should fund it *fully* and **soon**.',
        '2) **Report yearly**: the agency should report on file_name_v2 at https://example.org/a_b_c each year.',
        '3. Plain item without a bold lead.',
      ),
    );
    expect(result.recommendations).toEqual([
      { title: 'Fund the program', description: 'Congress should fund it fully and soon.' },
      {
        title: 'Report yearly',
        description: 'the agency should report on file_name_v2 at https://example.org/a_b_c each year.',
      },
    ]);
  });

  it('accepts `*` and `•` bullets and keeps `?`/`!` endings', () => {
    expect(titles(doc('* **Is this enough?** Maybe.', '• **Act now!** Yes.', '•**Tight bullet.** Text.'))).toEqual([
      'Is this enough?',
      'Act now!',
      'Tight bullet',
    ]);
  });

  it('keeps nested plain items in the description but lets a sibling item end it', () => {
    const result = parseRecommendations(
      doc(
        '- **Improve data.** Specifically:',
        '  - collect _more_ data',
        '  - share it',
        '- An unrelated item.',
        'More.',
      ),
    );
    expect(result.recommendations).toEqual([
      { title: 'Improve data', description: 'Specifically:\n- collect more data\n- share it' },
    ]);
  });
});

describe('shape 2: `Recommendation` labels', () => {
  it('takes the first sentence after each label form as the title', () => {
    const result = parseRecommendations(
      doc(
        'Recommendation 1: The Secretary should act. She should act quickly.',
        '',
        'Recommendation: To improve oversight, the Director should publish data. Details follow.',
        '',
        'Recommendation 2 - Expand the pilot',
        '',
        'Recommendation 3. The Administrator should review the rules? Probably.',
        '',
        '- **Recommendation 4:** The Board should meet monthly.',
      ),
    );
    expect(result.recommendations).toEqual([
      { title: 'The Secretary should act', description: 'She should act quickly.' },
      { title: 'To improve oversight, the Director should publish data', description: 'Details follow.' },
      { title: 'Expand the pilot', description: '' },
      { title: 'The Administrator should review the rules?', description: 'Probably.' },
      { title: 'The Board should meet monthly', description: '' },
    ]);
  });

  it('does not split a sentence at abbreviations or initials', () => {
    expect(
      titles(
        'Recommendation 1: The U.S. Department of Defense, e.g. through Mr. Smith and Anthony B. Kim, should act. Then more.',
      ),
    ).toEqual(['The U.S. Department of Defense, e.g. through Mr. Smith and Anthony B. Kim, should act']);
  });

  it('reads the title from the next paragraph when the label stands alone', () => {
    const result = parseRecommendations(doc('Recommendation 5:', '', 'Close the gap. It matters.', '', 'Also this.'));
    expect(result.recommendations).toEqual([{ title: 'Close the gap', description: 'It matters.\n\nAlso this.' }]);
  });

  it('does not take words that merely start with Recommendation as labels', () => {
    expect(titles('Recommendation-based systems are common. Recommendations: none today.')).toEqual([]);
  });

  it('collects shapes 1 and 2 together in document order', () => {
    expect(
      titles(
        doc('- **First bold.** Text.', '', 'Recommendation 2: Second labelled. Text.', '', '- **Third bold.** Text.'),
      ),
    ).toEqual(['First bold', 'Second labelled', 'Third bold']);
  });

  it('warns about and skips a label with no title', () => {
    const result = parseRecommendations(
      doc('Recommendation 1: Do the thing.', '', 'Recommendation 2:', '', '## Next section'),
    );
    expect(result.recommendations.map((r) => r.title)).toEqual(['Do the thing']);
    expect(result.warnings).toEqual(['Line 3: skipped a recommendation with an empty title']);
  });
});

describe('shape 3: items under a Recommendations heading', () => {
  const shape3 = doc(
    '# Report on widgets',
    '',
    '- An intro bullet. Not a recommendation.',
    '',
    '## Recommendations',
    '',
    '- Improve the U.S. widget supply. Widgets are *scarce*.',
    '',
    '  Suppliers agree.',
    '1. Train staff',
    '',
    '## Background',
    '',
    '- A background bullet. Not counted.',
    '',
    'Endnotes',
    '',
    '1. Smith, Widgets, 2020.',
  );

  it('takes the first sentence of each item, up to the next heading', () => {
    expect(parseRecommendations(shape3).recommendations).toEqual([
      { title: 'Improve the U.S. widget supply', description: 'Widgets are scarce.\n\nSuppliers agree.' },
      { title: 'Train staff', description: '' },
    ]);
  });

  it('ignores items under Endnotes and under headings without the word', () => {
    const withoutSection = shape3.replace('## Recommendations', '## Findings');
    expect(titles(withoutSection)).toEqual([]);
  });

  it('accepts a plain-line heading and stops at a plain-line heading', () => {
    expect(
      titles(
        doc('Our Recommendations', '- Do one thing.', '- Do another.', '', 'Other Matters', '', '- Not this one.'),
      ),
    ).toEqual(['Do one thing', 'Do another']);
  });

  it('is not used when the document has a shape 1 item', () => {
    expect(titles(shape3.replace('1. Train staff', '1. **Train staff.** Soon.'))).toEqual(['Train staff']);
  });
});

describe('headings and item boundaries', () => {
  it('ends an item at a `#` heading and at a short line without a period', () => {
    const result = parseRecommendations(
      doc(
        '- **One.** First.',
        '',
        'Still one.',
        '',
        '### A heading',
        '',
        'Not part of one.',
        '',
        '- **Two.** Second.',
        '',
        'A Plain Heading',
        '',
        'Not part of two.',
      ),
    );
    expect(result.recommendations).toEqual([
      { title: 'One', description: 'First.\n\nStill one.' },
      { title: 'Two', description: 'Second.' },
    ]);
  });

  it('does not treat a short sentence, a long line or a multi-line paragraph as a heading', () => {
    const long = `This line runs long without a final period ${'and goes on '.repeat(8)}`;
    const result = parseRecommendations(
      doc('- **One.** First.', '', 'Short but a sentence.', '', long, '', 'Two lines', 'of one paragraph'),
    );
    expect(result.recommendations[0].description).toBe(
      `First.\n\nShort but a sentence.\n\n${long.trim()}\n\nTwo lines\nof one paragraph`,
    );
  });

  it('skips items under Notes or References until a different heading', () => {
    expect(
      titles(
        doc(
          '- **Counted.** Yes.',
          '## References',
          '- **Not counted.** No.',
          'Notes',
          '',
          'Recommendation 9: Not counted either.',
          '## Next Steps',
          '- **Counted again.** Yes.',
        ),
      ),
    ).toEqual(['Counted', 'Counted again']);
  });
});

describe('titles over 300 characters', () => {
  it('cuts at a word, ends on `…`, stays within 300 and warns', () => {
    const words = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
    const result = parseRecommendations(doc('- **Short.** Text.', `- **${words}.** Description.`));
    const title = result.recommendations[1].title;
    expect(title.length).toBeLessThanOrEqual(300);
    expect(title.length).toBeGreaterThan(290);
    expect(title.endsWith('…')).toBe(true);
    const kept = title.slice(0, -1);
    expect(words.startsWith(`${kept} `)).toBe(true);
    expect(result.recommendations[1].description).toBe('Description.');
    expect(result.warnings).toEqual(['Recommendation 2: title was longer than 300 characters and was cut (line 2)']);
  });

  it('leaves a title of exactly 300 characters alone', () => {
    const exact = 'x'.repeat(300);
    const result = parseRecommendations(`- **${exact}** Text.`);
    expect(result.recommendations[0].title).toBe(exact);
    expect(result.warnings).toEqual([]);
  });
});

describe('input handling', () => {
  it('handles CRLF line endings', () => {
    const text = ['Recommendations\r', '- First thing. More.\r', '\r', '  Still first.\r', '- Second thing.\r'].join(
      '\n',
    );
    expect(parseRecommendations(text).recommendations).toEqual([
      { title: 'First thing', description: 'More.\n\nStill first.' },
      { title: 'Second thing', description: '' },
    ]);
    expect(titles('Recommendations\r- Old Mac line ends.\r- Still split.')).toEqual([
      'Old Mac line ends',
      'Still split',
    ]);
  });

  it('returns an empty list, without throwing, when there are no recommendations', () => {
    expect(parseRecommendations('Just prose.\n\nMore prose with a - dash.')).toEqual({
      recommendations: [],
      warnings: [],
    });
    expect(parseRecommendations('')).toEqual({ recommendations: [], warnings: [] });
  });
});

describe('assertImportText', () => {
  const expectBadInput = (run: () => unknown, field: string, message: RegExp): void => {
    let error: unknown;
    try {
      run();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((error as DomainError).message).toMatch(message);
  };

  it('rejects text over 1 MiB of UTF-8, counting bytes rather than characters', () => {
    const text = `- **Title.** ${'é'.repeat(MAX_IMPORT_TEXT_BYTES / 2)}`;
    expect(text.length).toBeLessThan(MAX_IMPORT_TEXT_BYTES);
    expectBadInput(() => assertImportText(text), 'text', /1 MiB/);
  });

  it('rejects text with no recommendations', () => {
    expectBadInput(() => assertImportText(''), 'text', /no recommendations were found/);
    expectBadInput(() => assertImportText('Only prose.', 'input.text'), 'input.text', /no recommendations were found/);
  });

  it('returns the parse of acceptable text', () => {
    expect(assertImportText('- **Do it.** Now.').recommendations).toEqual([{ title: 'Do it', description: 'Now.' }]);
  });
});
