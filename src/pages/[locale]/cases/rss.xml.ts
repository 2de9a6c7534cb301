import { caseKind, feedRoute } from '../../../lib/publications/kinds';

export const { getStaticPaths, GET } = feedRoute(caseKind);
