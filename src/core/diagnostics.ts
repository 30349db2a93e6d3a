/**
 * Roadmap problems in the Problems panel and the log: the files that failed to load, and the
 * unsaved text of an open roadmap, checked as the user types.
 */
import * as vscode from 'vscode';
import type { Log } from '../util/log';
import { DIAGNOSTIC_COLLECTION } from '../constants';
import type { RoadmapError } from '../model/types';
import { Disposable } from '../util/disposable';
import { isFailure, RoadmapEntry } from './catalog';

export class RoadmapDiagnostics extends Disposable {
  private collection: vscode.DiagnosticCollection | undefined;

  constructor(private readonly log: Log) {
    super();
  }

  /** Created on first use: most sessions have no roadmap file with a problem. */
  private get diagnostics(): vscode.DiagnosticCollection {
    return (this.collection ??= this.register(vscode.languages.createDiagnosticCollection(DIAGNOSTIC_COLLECTION)));
  }

  /** After a load: each failed file's errors, and nothing for the rest. */
  loaded(entries: readonly RoadmapEntry[], ms: number): void {
    this.collection?.clear();
    const failed = entries.filter(isFailure);
    for (const entry of failed) {
      this.diagnostics.set(vscode.Uri.parse(entry.source.location), entry.errors.map(toDiagnostic));
      for (const error of entry.errors) this.log.warn(`${error.file}:${error.start.line}:${error.start.column}: ${error.path ? `${error.path}: ` : ''}${error.message}`);
    }
    this.log.info(`Loaded ${entries.length - failed.length} roadmap(s)${failed.length ? `, ${failed.length} failed` : ''} in ${ms} ms.`);
  }

  /** The errors of an edited roadmap's unsaved text. */
  checked(uri: vscode.Uri, errors: readonly RoadmapError[]): void {
    this.diagnostics.set(uri, errors.map(toDiagnostic));
  }
}

export function toRange(error: RoadmapError): vscode.Range {
  const start = new vscode.Position(error.start.line - 1, error.start.column - 1);
  const end = new vscode.Position(error.end.line - 1, error.end.column - 1);
  return new vscode.Range(start, end.isBefore(start) ? start : end);
}

function toDiagnostic(error: RoadmapError): vscode.Diagnostic {
  const message = error.path ? `${error.path}: ${error.message}` : error.message;
  const diagnostic = new vscode.Diagnostic(toRange(error), message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'ML Roadmaps';
  return diagnostic;
}
