import { articleKind, feedRoute } from '../../../lib/publications/kinds';

export const { getStaticPaths, GET } = feedRoute(articleKind);
