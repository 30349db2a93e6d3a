/** The words for task states, for every view that shows them. Pure. */
import { english, type Translate } from '../util/translate';
import { TaskState } from './types';

/** A state on its own: a label, a card, an option in a list. */
export function stateName(state: TaskState, t: Translate = english): string {
  switch (state) {
    case 'notStarted':
      return t('Not started');
    case 'inProgress':
      return t('In progress');
    case 'done':
      return t('Done');
    case 'skipped':
      return t('Skipped');
  }
}

/** A state inside a line of text: a description, a search entry. */
export function stateWord(state: TaskState, t: Translate = english): string {
  switch (state) {
    case 'notStarted':
      return t('not started');
    case 'inProgress':
      return t('in progress');
    case 'done':
      return t('done');
    case 'skipped':
      return t('skipped');
  }
}
