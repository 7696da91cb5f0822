import type TS from 'typescript';
import { decorate, type Decorated } from './decorate.js';
import { registerCodes } from './register-codes.js';
import type { PluginConfig } from './options.js';

/**
 * The tsserver plugin entry point: tsserver `require`s this module and calls it with its own
 * TypeScript module, which the analysis then uses (never a copy of its own).
 */
function init(modules: { typescript: typeof TS }): TS.server.PluginModule {
  const ts = modules.typescript;
  const created: Decorated[] = [];
  return {
    create(info) {
      const logger = info.project.projectService.logger;
      const log = (message: string) => logger.info(`[memsafe] ${message}`);
      registerCodes(ts, log);
      const directory = info.project.getCurrentDirectory();
      const decorated = decorate(ts, info.languageService, info.config as PluginConfig | undefined, directory, log);
      created.push(decorated);
      logger.info('[memsafe] plugin loaded');
      return decorated.service;
    },
    onConfigurationChanged(config: PluginConfig) {
      for (const decorated of created) decorated.configure(config);
    },
  };
}

export = init;
