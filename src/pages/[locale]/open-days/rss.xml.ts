import { noticeKind, feedRoute } from '../../../lib/publications/kinds';

export const { getStaticPaths, GET } = feedRoute(noticeKind);
