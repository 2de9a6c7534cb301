import type { AbuseCheck, TipStatus } from '../tips/storage';
import type { DeadlineState } from './deadlines';

/** Chinese labels of the staff pages (staff UI is Chinese only). */
export const statusLabels: Record<TipStatus, string> = {
  received: '已收到',
  under_review: '审查中',
  accepted: '已受理',
  not_accepted: '不予受理',
  closed: '已办结',
};

export const deadlineLabels: Record<DeadlineState, string> = {
  answer_overdue: '答复已逾期',
  acknowledge_overdue: '确认已逾期',
  on_time: '期限内',
  done: '已处理',
};

export const abuseCheckLabels: Record<AbuseCheck, string> = {
  pow: '已通过工作量证明',
  none: '未经检查（无脚本提交），请留意',
  failed: '检查未通过，请留意',
};

export const auditActionLabels: Record<string, string> = {
  login: '登录',
  login_failed: '登录失败',
  logout: '退出登录',
  list: '查看列表',
  read: '打开线索',
  download: '下载附件',
  status_change: '更改状态',
  export: '导出 CSV',
  audit_view: '查看审计日志',
  retention_delete: '按期限删除附件',
  retention_erase: '按期限清除线索内容',
};
