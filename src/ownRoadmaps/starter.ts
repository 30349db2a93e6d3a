/**
 * The commented starter file New Roadmap… creates. Pure. Its comments and sample texts are the
 * user's to read and replace, so they go through `t`; ids and keys stay as they are.
 */
import { isWindowsDeviceName, slugify } from '../model/ids';
import { english, type Translate } from '../util/translate';

/**
 * The id, and file name, of a new roadmap with this title; undefined when the title has no letter
 * or digit. A title that makes a Windows device name (con, nul, com1…) gets a suffix, since no
 * file of that name can be created there.
 */
export function newRoadmapId(title: string): string | undefined {
  const slug = slugify(title);
  if (!slug) return undefined;
  return isWindowsDeviceName(slug) ? `${slug}-roadmap` : slug;
}

export function starterRoadmap(id: string, title: string, t: Translate = english): string {
  return `# ${title}
#
${comment(t('A roadmap of your own: it shows in the ML Roadmaps view beside the bundled ones and reloads\nwhen you save. Errors appear in the Problems panel with their line.'))}
#
${comment(t('Ids are kebab-case and unique in this file. Progress is stored by id, so keep an id when you\nreword a title; if you must rename one, list the old id under `formerIds`.\nText fields are Markdown. With the YAML extension installed you get completion and hover.'))}

id: ${id}
title: ${JSON.stringify(title)}
description: ${text(t('What this roadmap is for and who it is for.'))}
duration: ${text(t('4 weeks'))}

phases:
  - id: foundations
    title: ${text(t('Phase 1: Foundations'))}
    goal: ${text(t('Get comfortable with the basics.'))}
    modules:
      - id: python-tooling
        title: ${text(t('Python tooling'))}
        objectives:
          - ${text(t('Set up a reproducible environment.'))}
        tasks:
          - id: virtual-environments
            title: ${text(t('Virtual environments'))}
            summary: ${text(t('venv, pip, `requirements.txt`'))}
          - id: notebooks
            title: ${text(t('Jupyter notebooks'))}
        projects:
          - id: first-eda
            title: ${text(t('Explore a small dataset'))}
            summary: ${text(t('Load a CSV with pandas and plot three things you notice.'))}
        tips:
          - ${text(t('Commit early, commit often.'))}
        resources:
          - title: ${text(t('Python tutorial'))}
            url: https://docs.python.org/3/tutorial/

${comment(t('A phase can also hold tasks directly, without modules:'), '  ')}
  - id: week-2
    title: ${text(t('Week 2: Models'))}
    tasks:
      - id: linear-regression
        title: ${text(t('Linear regression'))}
`;
}

/** Every line of `message` as a YAML comment. */
function comment(message: string, indent = ''): string {
  return message
    .split(/\r?\n/)
    .map((line) => `${indent}# ${line}`.trimEnd())
    .join('\n');
}

/**
 * A one-line YAML value: plain when it is ordinary words, double-quoted (JSON is valid YAML)
 * when it holds anything YAML could read differently: `: `, ` #`, a leading indicator, quotes.
 */
function text(value: string): string {
  const line = value.replace(/\s*\r?\n\s*/g, ' ').trim();
  const plain = /^[\p{L}\p{N}][^:#"'`{}[\],&*!|>%@]*$/u.test(line) && !/^(true|false|null|yes|no|on|off|~|[-+]?\d[\d._]*)$/i.test(line);
  return plain ? line : JSON.stringify(line);
}
