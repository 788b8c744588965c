import { stringListOption } from './rule-options.js';

/** Tags that name a moving target rather than one build; the image rules take more through this option. */
export const MUTABLE_TAGS_OPTION = stringListOption('mutableTags', 'tags that name a moving target', ['latest']);
