import type DataLoader from 'dataloader';
import type { HubContext } from '../graphql/hub-context';

/** A DataLoader recipe; `loaders.get(recipe)` makes one per request on first use. */
export type LoaderRecipe<K, V> = (context: HubContext) => DataLoader<K, V>;

/**
 * One set of loaders per request, so batching and caching never leak between callers.
 * Departments define their recipes next to their resolvers; the core needs no list of them.
 */
export class LoaderCache {
  private readonly loaders = new Map<LoaderRecipe<unknown, unknown>, DataLoader<unknown, unknown>>();

  constructor(private readonly context: () => HubContext) {}

  get<K, V>(recipe: LoaderRecipe<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(recipe as LoaderRecipe<unknown, unknown>);
    if (!loader) {
      loader = recipe(this.context()) as DataLoader<unknown, unknown>;
      this.loaders.set(recipe as LoaderRecipe<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }
}
