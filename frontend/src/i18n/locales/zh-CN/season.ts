import type { Widen } from '../types';

/** Chinese (default) UI strings, namespace season: 年度自评工作 (rounds, deadlines, extensions) and 站内通知. */
const messages = {
  season: {
    title: '年度自评工作',
    intro: '财政局每年开启一次自评工作：设定年度、区县、截止日期和评价模板版本，纳入的单位在截止日期前填报并提交。逾期单位须经审核人员延期后才能提交；关闭后名单和各单位状态冻结。',
    openTitle: '开启自评工作',
    fiscalYear: '年度',
    district: '区县',
    deadline: '截止日期',
    templateVersion: '模板版本',
    departmentsHint: '默认纳入已有预算数据的全部单位。',
    open: '开启',
    openFailed: '未能开启自评工作',
    listTitle: '自评工作',
    none: '尚未开启任何自评工作。',
    status: { OPEN: '进行中', CLOSED: '已关闭' },
    progress: {
      NOT_STARTED: '未开始',
      IN_PROGRESS: '填报中',
      SUBMITTED: '已提交',
      RETURNED: '已退回',
      APPROVED: '已通过',
      OVERDUE: '已逾期',
    },
    roundLabel: '{{year}} 年度 · {{district}}',
    submittedShare: '已提交（含已通过）{{share}}%',
    department: '单位',
    code: '编码',
    effectiveDeadline: '适用截止日期',
    extendedUntil: '已延期至 {{date}}',
    daysLeft: '剩余 {{n}} 天',
    dueToday: '今天截止',
    daysOverdue: '已逾期 {{n}} 天',
    extend: '延期',
    extendTitle: '为“{{name}}”延期',
    until: '延期至',
    reason: '延期理由',
    reasonPlaceholder: '例如：单位负责人调整，申请延期十天。',
    extendFailed: '未能延期',
    close: '关闭自评工作',
    closeConfirm: '关闭后名单和各单位状态将冻结，不能再延期或提交。确定关闭？',
    closeFailed: '未能关闭',
    openedBy: '开启人',
    closedAt: '关闭时间',
    loadFailed: '未能读取自评工作',
    home: {
      title: '年度自评工作',
      deadline: '截止日期：{{date}}',
      noRound: '本单位目前不在任何自评工作名单中。',
    },
    notices: {
      title: '站内通知',
      empty: '暂无通知。',
      markRead: '标为已读',
      unread: '{{n}} 条未读',
      loadFailed: '未能读取通知',
      kind: {
        OPENED: '{{year}} 年度自评工作已开启，截止日期 {{deadline}}。',
        DUE_7: '距 {{year}} 年度自评截止（{{deadline}}）不足 7 天，请尽快提交。',
        DUE_1: '{{year}} 年度自评将于 {{deadline}} 截止，请在今天或明天内提交。',
        EXTENDED: '{{year}} 年度自评截止日期已延至 {{deadline}}。',
        RETURNED: '{{year}} 年度自评报告已被退回，请按意见修改后重新提交。',
        APPROVED: '{{year}} 年度自评报告已审核通过。',
      },
      comment: '意见：{{comment}}',
    },
  },
} as const;

export type SeasonMessages = Widen<typeof messages>;

export default messages;
