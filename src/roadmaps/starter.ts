/** The commented starter file New Roadmap… creates. Pure. */

export function starterRoadmap(id: string, title: string): string {
  return `# ${title}
#
# A roadmap of your own: it shows in the ML Roadmaps view beside the bundled ones and reloads
# when you save. Errors appear in the Problems panel with their line.
#
# Ids are kebab-case and unique in this file. Progress is stored by id, so keep an id when you
# reword a title; if you must rename one, list the old id under \`formerIds\`.
# Text fields are Markdown. With the YAML extension installed you get completion and hover.

id: ${id}
title: ${JSON.stringify(title)}
description: What this roadmap is for and who it is for.
duration: 4 weeks

phases:
  - id: foundations
    title: "Phase 1: Foundations"
    goal: Get comfortable with the basics.
    modules:
      - id: python-tooling
        title: Python tooling
        objectives:
          - Set up a reproducible environment.
        tasks:
          - id: virtual-environments
            title: Virtual environments
            summary: venv, pip, \`requirements.txt\`
          - id: notebooks
            title: Jupyter notebooks
        projects:
          - id: first-eda
            title: Explore a small dataset
            summary: Load a CSV with pandas and plot three things you notice.
        tips:
          - Commit early, commit often.
        resources:
          - title: Python tutorial
            url: https://docs.python.org/3/tutorial/

  # A phase can also hold tasks directly, without modules:
  - id: week-2
    title: "Week 2: Models"
    tasks:
      - id: linear-regression
        title: Linear regression
`;
}
