import * as assert from 'assert';
import { findTaskReferences, newNoteText, notePath } from '../../src/notes/discovery';

suite('Note discovery', () => {
  test('Finds the task a note names in its front matter', () => {
    const text = '---\nroadmapTask: deep-learning/perceptron\ntitle: x\n---\n# Notes\n';
    assert.deepStrictEqual(findTaskReferences(text), [{ roadmapId: 'deep-learning', taskId: 'perceptron', line: 0 }]);
  });

  test('Accepts a list of tasks in the front matter', () => {
    const text = '---\nroadmapTask:\n  - deep-learning/perceptron\n  - master-24-week/numpy-pandas\n---\n';
    assert.deepStrictEqual(findTaskReferences(text).map((r) => r.taskId), ['perceptron', 'numpy-pandas']);
  });

  test('Reads a flow list and quoted values too', () => {
    const text = '---\nroadmapTask: ["deep-learning/perceptron", \'deep-learning/gans\']\n---\n';
    assert.deepStrictEqual(findTaskReferences(text).map((r) => r.taskId), ['perceptron', 'gans']);
  });

  test('Finds roadmap-task links anywhere in the text, with their line', () => {
    const text = '# Log\n\nToday I did [PCA](roadmap-task:machine-learning-course/dimensionality-reduction) and\nsee <roadmap-task:deep-learning/chain-rule>.\n';
    assert.deepStrictEqual(findTaskReferences(text), [
      { roadmapId: 'machine-learning-course', taskId: 'dimensionality-reduction', line: 2 },
      { roadmapId: 'deep-learning', taskId: 'chain-rule', line: 3 },
    ]);
  });

  test('Reports each task once', () => {
    const text = '---\nroadmapTask: a/b\n---\n[x](roadmap-task:a/b) [y](roadmap-task:a/b)\n';
    assert.strictEqual(findTaskReferences(text).length, 1);
  });

  test('Ignores malformed references and broken front matter', () => {
    assert.deepStrictEqual(findTaskReferences('---\nroadmapTask: [unclosed\n---\n'), []);
    assert.deepStrictEqual(findTaskReferences('---\nroadmapTask: Not An Id/x\n---\n'), []);
    assert.deepStrictEqual(findTaskReferences('---\nroadmapTask: ../../etc/passwd\n---\n'), []);
    assert.deepStrictEqual(findTaskReferences('roadmapTask: a/b outside front matter\n'), []);
  });

  test('A new note names its task in front matter that discovery reads back', () => {
    const text = newNoteText({ roadmapId: 'deep-learning', roadmapTitle: 'Deep Learning Roadmap', id: 'perceptron', title: 'Perceptron "basics"', path: ['Phase 1', 'Intro'] }, '2026-11-21');
    assert.deepStrictEqual(findTaskReferences(text), [{ roadmapId: 'deep-learning', taskId: 'perceptron', line: 0 }]);
    assert.match(text, /^# Perceptron "basics"$/m);
    assert.match(text, /^_Deep Learning Roadmap › Phase 1 › Intro_$/m);
    assert.match(text, /^title: "Perceptron \\"basics\\""$/m);
  });

  test('Note paths are built from ids only, so they cannot leave the notes folder', () => {
    assert.strictEqual(notePath('deep-learning', 'perceptron'), 'deep-learning/perceptron.md');
    assert.throws(() => notePath('..', 'x'));
    assert.throws(() => notePath('a', '../../x'));
  });
});
