import * as assert from 'assert';
import { CLOZE_BLANK, MAX_CLOZES_PER_LINE, parseCards, ParsedCard } from '../../src/model/review/cards';

/** front → back of each card, for compact assertions. */
const pairs = (text: string) => parseCards(text).map((c) => `${c.front} → ${c.back}`);
const only = (text: string): ParsedCard => {
  const cards = parseCards(text);
  assert.strictEqual(cards.length, 1, JSON.stringify(cards));
  return cards[0];
};

suite('Review cards: the formats of a note', () => {
  test('Question::Answer makes one card, with its line and its question as key', () => {
    const card = only('# Notes\n\nWhat does ReLU return for -3::0\n');
    assert.deepStrictEqual(card, { kind: 'inline', reversed: false, front: 'What does ReLU return for -3', back: '0', line: 2, key: 'What does ReLU return for -3' });
  });

  test('Question:::Answer makes two cards, one each way, with different keys', () => {
    const cards = parseCards('Gradient:::Vector of partial derivatives');
    assert.deepStrictEqual(
      cards.map((c) => [c.front, c.back, c.reversed]),
      [
        ['Gradient', 'Vector of partial derivatives', false],
        ['Vector of partial derivatives', 'Gradient', true],
      ],
    );
    assert.notStrictEqual(cards[0].key, cards[1].key);
    assert.strictEqual(cards[1].line, 0);
  });

  test('A run of four or more colons is no separator; the first :: or ::: is', () => {
    assert.deepStrictEqual(pairs('a::::b'), []);
    assert.deepStrictEqual(pairs('a::::b::c'), ['a::::b → c']);
    assert.deepStrictEqual(pairs('Scope::std::vector'), ['Scope → std::vector']);
  });

  test('An inline card needs both a question and an answer', () => {
    assert.deepStrictEqual(pairs('::answer only\nquestion only::\n  ::  '), []);
  });

  test('A list marker or a task box before the question is not part of it', () => {
    assert.deepStrictEqual(pairs('- Bias::Systematic error\n* Variance::Spread\n3. Loss::Cost\n- [ ] Epoch::One pass\n-notalist::x'), [
      'Bias → Systematic error',
      'Variance → Spread',
      'Loss → Cost',
      'Epoch → One pass',
      '-notalist → x',
    ]);
  });

  test('A multi-line question, a ? line, and the answer up to the blank line', () => {
    const card = only('Intro text.\n\nWhat does\nbatch norm do?\n?\nNormalises activations\nper mini-batch\n\nAfter.');
    assert.deepStrictEqual(card, { kind: 'multiline', reversed: false, front: 'What does\nbatch norm do?', back: 'Normalises activations\nper mini-batch', line: 2, key: 'What does batch norm do?' });
  });

  test('A heading ends a multi-line answer', () => {
    assert.deepStrictEqual(pairs('Q\n?\nA1\nA2\n## Next\nmore text'), ['Q → A1\nA2']);
  });

  test('?? makes two multi-line cards, one each way', () => {
    const cards = parseCards('Adam\n??\nMomentum plus RMSProp');
    assert.deepStrictEqual(
      cards.map((c) => [c.kind, c.front, c.back, c.reversed, c.line]),
      [
        ['multiline', 'Adam', 'Momentum plus RMSProp', false, 0],
        ['multiline', 'Momentum plus RMSProp', 'Adam', true, 0],
      ],
    );
    assert.notStrictEqual(cards[0].key, cards[1].key);
  });

  test('A ? line with no question or no answer makes no card', () => {
    assert.deepStrictEqual(pairs('?\nanswer'), []);
    assert.deepStrictEqual(pairs('question\n?'), []);
    assert.deepStrictEqual(pairs('question\n?\n\nanswer'), []);
  });

  test('A paragraph with a ? line is one card: its lines are not read for :: or ==', () => {
    assert.deepStrictEqual(pairs('Term::in the question\n?\nan ==answer=='), ['Term::in the question → an ==answer==']);
  });

  test('A cloze makes one card per deletion, the others shown in clear', () => {
    const cards = parseCards('- The ==mitochondria== is the ==powerhouse== of the cell');
    assert.deepStrictEqual(
      cards.map((c) => [c.kind, c.front, c.back, c.line]),
      [
        ['cloze', `The ${CLOZE_BLANK} is the powerhouse of the cell`, 'mitochondria', 0],
        ['cloze', `The mitochondria is the ${CLOZE_BLANK} of the cell`, 'powerhouse', 0],
      ],
    );
    assert.notStrictEqual(cards[0].key, cards[1].key);
  });

  test('Empty or unclosed == marks make no cloze', () => {
    assert.deepStrictEqual(pairs('a ==== b\nc == == d\ne ==open'), []);
    assert.deepStrictEqual(pairs('x ==== ==y== z'), [`x ==== ${CLOZE_BLANK} z → y`]);
  });

  test(`A line makes at most ${MAX_CLOZES_PER_LINE} cloze cards`, () => {
    const line = Array.from({ length: MAX_CLOZES_PER_LINE + 5 }, (_, i) => `==w${i}==`).join(' ');
    assert.strictEqual(parseCards(line).length, MAX_CLOZES_PER_LINE);
  });

  test('An inline card on a line takes it: its == marks are text', () => {
    assert.deepStrictEqual(pairs('The ==key== term::its ==meaning=='), ['The ==key== term → its ==meaning==']);
  });

  test("A trailing scheduling comment of Obsidian's plugin is not part of the answer", () => {
    assert.deepStrictEqual(pairs('Q::A <!--SR:!2026-01-01,3,250-->\n\nQ2\n?\nA2\n<!--SR:!2026-01-01,3,250-->'), ['Q → A', 'Q2 → A2']);
  });

  test('Keys collapse whitespace, so re-wrapping a question keeps its key', () => {
    const a = parseCards('What  is\ta   tensor::x')[0];
    const b = parseCards('What is a tensor\n?\nx')[0];
    assert.strictEqual(a.key, 'What is a tensor');
    assert.strictEqual(b.key, a.key);
  });

  test('Windows line ends are read as line ends', () => {
    assert.deepStrictEqual(pairs('Q\r\n?\r\nA\r\n\r\nX::Y\r\n'), ['Q → A', 'X → Y']);
  });
});

suite('Review cards: what is not read', () => {
  test('Fenced code blocks of backticks and tildes are skipped, to their matching fence', () => {
    const text = ['```python', 'x = {"a::b": 1}  # ==not== a card', '~~~', 'still::code', '```', 'After::fence', '~~~~', 'q::a', '```', '~~~~', 'Last::one'].join('\n');
    assert.deepStrictEqual(pairs(text), ['After → fence', 'Last → one']);
  });

  test('Card-like text in an indented code block (four spaces or a tab, after a blank line or a heading) is skipped, to the next line left of it', () => {
    const text = ['Some prose.', '', '    x = {"a::b": 1}  # ==not== a card', '', '    still::code', '\tq::a', '', 'After::code', '## Heading', '    code::after a heading', 'Last::one'].join('\n');
    assert.deepStrictEqual(pairs(text), ['After → code', 'Last → one']);
    assert.deepStrictEqual(pairs('    First::line\n  \t==deleted=='), []);
  });

  test('A paragraph’s indented continuation line is not code: it is read', () => {
    assert.deepStrictEqual(pairs('Some prose about things\n    Indented::still read\n\tTabbed ==cloze== too'), ['Indented → still read', `Tabbed ${CLOZE_BLANK} too → cloze`]);
    assert.deepStrictEqual(pairs('What is a tensor\n    in a few words?\n?\n    An array of numbers'), ['What is a tensor\n    in a few words? →     An array of numbers']);
  });

  test('In a list item, indentation counts from the item’s text: four spaces in continue the item, four past its text are code', () => {
    const text = ['- First::item', '', '    Continued::in the item', '', '      code::in the item', '', '1.  Second::item', '', '     Its::paragraph', '', '         more::code', '', '- Outer', '  - Inner::card', '', '        nested::code', '', '      Inner::continued', '', '  Outer::continued', '', '      outer::code', '', 'Margin::closes the list', '', '    margin::code'].join('\n');
    assert.deepStrictEqual(pairs(text), ['First → item', 'Continued → in the item', 'Second → item', 'Its → paragraph', 'Inner → card', 'Inner → continued', 'Outer → continued', 'Margin → closes the list']);
  });

  test('A fence inside a list item is a fence, indented to the item’s text', () => {
    assert.deepStrictEqual(pairs(['- Item::one', '', '    ```', '    code::in a fence', '    ```', '    After::the fence'].join('\n')), ['Item → one', 'After → the fence']);
  });

  test('An unclosed fence runs to the end of the note', () => {
    assert.deepStrictEqual(pairs('Before::x\n```\nq::a\n'), ['Before → x']);
  });

  test('A fence ends a multi-line answer', () => {
    assert.deepStrictEqual(pairs('Q\n?\nA\n```\ncode::x\n```'), ['Q → A']);
  });

  test('Inline code spans are not read for :: or ==, and stay in the card', () => {
    assert.deepStrictEqual(pairs('Use `a::b` for scope\nThe `x == y` test'), []);
    assert.deepStrictEqual(pairs('`std::vector`::a growable array'), ['`std::vector` → a growable array']);
    assert.deepStrictEqual(pairs('``a `::` b``::c'), ['``a `::` b`` → c']);
    // A span's closing backtick opens no span of its own.
    assert.deepStrictEqual(pairs('`a` is::`b`'), ['`a` is → `b`']);
    // A backtick run with no closing run of its length is text.
    assert.deepStrictEqual(pairs('a ` b::c'), ['a ` b → c']);
  });

  test('YAML front matter is skipped; a --- later in the note is not front matter', () => {
    assert.deepStrictEqual(pairs('---\ntitle: a::b\ntags: [x]\n---\nQ::A'), ['Q → A']);
    assert.deepStrictEqual(pairs('Q::A\n---\nR::B\n---'), ['Q → A', 'R → B']);
    // Never closed: not front matter.
    assert.deepStrictEqual(pairs('---\nQ::A'), ['Q → A']);
    // After a byte order mark.
    assert.deepStrictEqual(pairs('\ufeff---\ntitle: a::b\n---\nQ::A'), ['Q → A']);
  });

  test('Headings are not read for cards', () => {
    assert.deepStrictEqual(pairs('## Term::Definition\n#hashtag::x'), ['#hashtag → x']);
  });
});
