/** A `--current` source that cannot be read at all (no repository, unknown revision): a usage error (exit code 2). */
export class CurrentSourceError extends Error {}
