import { lazy, type ComponentType } from 'react';

/**
 * React.lazy for a module's named export: the module becomes a script of its own, fetched when the component is
 * first rendered (inside a Suspense). For screens the first paint does not need: they also keep the form and
 * validation libraries out of the start's scripts.
 */
export function lazyNamed<Props extends object, Name extends string>(load: () => Promise<{ [K in Name]: ComponentType<Props> }>, name: Name) {
  return lazy<ComponentType<Props>>(() => load().then((module) => ({ default: module[name] })));
}
