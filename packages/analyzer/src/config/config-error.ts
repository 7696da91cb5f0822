/** A mistake in memsafe's configuration or the project it is pointed at: exit 2 and the message, no stack. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
