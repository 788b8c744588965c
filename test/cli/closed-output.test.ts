import { describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import { endWhenOutputCloses } from '../../src/cli/closed-output.js';

function setup(exitCode = 1) {
  const stdout = new EventEmitter();
  const stderr = Object.assign(new EventEmitter(), { text: '', write: (s: string) => (stderr.text += s) });
  const exits: number[] = [];
  endWhenOutputCloses(
    [stdout, stderr],
    stderr,
    (code) => exits.push(code),
    () => exitCode,
  );
  const fail = (stream: EventEmitter, code: string) =>
    stream.emit('error', Object.assign(new Error(`write ${code}`), { code }));
  return { stdout, stderr, exits, fail };
}

describe('a closed or failing output', () => {
  it('ends the run quietly, with its exit code, when the reader closes the pipe (kubeplan lint | head)', () => {
    const { stdout, stderr, exits, fail } = setup(1);
    fail(stdout, 'EPIPE');
    expect(exits).toEqual([1]);
    expect(stderr.text).toBe('');
  });

  it('ends quietly when stderr is closed too', () => {
    const { stderr, exits, fail } = setup(0);
    fail(stderr, 'EPIPE');
    expect(exits).toEqual([0]);
  });

  it('reports any other write error in one line and exits with code 2', () => {
    const { stdout, stderr, exits, fail } = setup(0);
    fail(stdout, 'ENOSPC');
    expect(stderr.text).toBe('kubeplan: cannot write the output: ENOSPC\n');
    expect(exits).toEqual([2]);
  });
});
