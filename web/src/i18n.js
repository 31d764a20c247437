// Every string the dashboard shows, in Chinese and English. Views call t('key', {vars}).
// The language is kept in localStorage and switched by the header toggle.

const table = {
  appTitle: ['洛阳市工业经济运行驾驶舱', 'Luoyang Industrial Economy Cockpit'],
  appShort: ['智造', 'zhizao'],
  language: ['EN', '中文'],
  login: ['登录', 'Sign in'],
  logout: ['退出', 'Sign out'],
  userName: ['用户名', 'User name'],
  password: ['密码', 'Password'],
  loginFailed: ['用户名或密码错误', 'Wrong user name or password'],
  loginHint: ['请使用管理员分配的账号登录', 'Sign in with the account your administrator gave you'],
  navCockpit: ['驾驶舱', 'Cockpit'],
  navSubmit: ['数据填报', 'Submit data'],
  navReview: ['审核', 'Review'],
  navWall: ['大屏', 'Wall screen'],
  period: ['报告期', 'Period'],
  windowLabel: ['统计口径', 'Window'],
  windowCumulative: ['累计', 'year to date'],
  windowMonthly: ['当月', 'month alone'],
  colOutputGrowthShort: ['产值增速', 'Output growth'],
  labelSep: ['：', ': '],
  navLabel: ['主导航', 'Main'],
  periodNoData: ['{wanted} 没有数据', 'There are no figures for {wanted}'],
  periodJanuary: ['{wanted} 不单独发布：1月数据与2月合并为1-2月发布', '{wanted} is not released alone: January is released with February (Jan–Feb)'],
  periodMalformed: ['无法识别报告期“{wanted}”（应为 YYYY-MM）', 'The period "{wanted}" is not a month (YYYY-MM)'],
  periodRange: ['有数据的报告期：{from} 至 {to}', 'Periods with figures: {from} to {to}'],
  periodShowInstead: ['查看 {period}', 'Show {period}'],
  periodIncompleteOption: ['{period}（数据未齐）', '{period} (incomplete)'],
  monthIncomplete: ['数据未齐', 'Incomplete'],
  monthReported: ['已报 {r}/{e}', 'Reported {r}/{e}'],
  periodMissingOption: ['{wanted}（无数据）', '{wanted} (no figures)'],
  cumulative: ['累计', 'Year to date'],
  monthly: ['当月', 'Month'],
  periodLabel: ['{year}年{months}', '{months} {year}'],
  monthsRange: ['1-{m}月', 'Jan–{mon}'],
  monthsJanFeb: ['1-2月', 'Jan–Feb'],
  monthSingle: ['{m}月', '{mon}'],
  scopeLabel: ['范围：{name}', 'Scope: {name}'],
  wholeCity: ['全市', 'Whole city'],
  // Headline cards.
  cardValueAdded: ['规上工业增加值', 'Industrial value added'],
  cardManufacturing: ['制造业增加值', 'Manufacturing value added'],
  cardElectricity: ['工业用电量', 'Industrial electricity'],
  cardBreadth: ['行业增长面', 'Growth breadth'],
  cardKey: ['重点企业', 'Key enterprises'],
  cardsLabel: ['主要指标', 'Headline figures'],
  cardProjects: ['工业项目', 'Industrial projects'],
  growthYoY: ['同比增长', 'Year on year'],
  twoYearAverage: ['两年平均 {v}', 'Two-year avg. {v}'],
  previousPeriod: ['上期 {v}', 'Previous {v}'],
  breadthValue: ['{growing}/{with_data} 个行业增长', '{growing} of {with_data} divisions grew'],
  breadthDouble: ['两位数增长 {n} 个', '{n} in double digits'],
  keyCount: ['{n} 家', '{n} firms'],
  keyOver50: ['增长超50% {n} 家', '{n} grew over 50%'],
  keyDoubled: ['翻番 {n} 家', '{n} doubled'],
  projectStarts: ['新开工 {a} 个 / 截至本期应开工 {p} 个', '{a} started / {p} due by now'],
  projectShare: ['开工占全年计划 {v}', '{v} of the year\'s planned starts'],
  enterprisesCount: ['规上企业 {n} 家', '{n} enterprises above scale'],
  enterprisesLabel: ['企业数', 'Enterprises'],
  measure_value_added: ['按工业增加值', 'by value added'],
  measure_output: ['按工业总产值', 'by gross output'],
  // Panels.
  panelDivisionsGrowth: ['分行业增加值增速（可比价）', 'Value-added growth by division (comparable prices)'],
  panelDivisionsPull: ['分行业拉动（百分点）', 'Pull by division (pp)'],
  panelCountiesMap: ['县区增加值增速分布（可比价）', 'Value-added growth by county (comparable prices)'],
  panelCountiesRank: ['县区增加值增速排名', 'Counties ranked by value-added growth'],
  panelTrend: ['增速走势（近24个月，{window}）', 'Growth over 24 months ({window})'],
  panelKey: ['重点企业监测（产值，现价）', 'Key enterprises (gross output, current prices)'],
  panelProjects: ['工业项目进度', 'Project progress'],
  unitPercent: ['%', '%'],
  unitPoints: ['百分点', 'pp'],
  growth: ['增速', 'Growth'],
  growthVA: ['增加值增速（可比价）', 'Value-added growth (comparable prices)'],
  growthOutput: ['产值增速（现价）', 'Output growth (current prices)'],
  growthElectricity: ['用电量增速', 'Electricity growth'],
  measureVANote: ['按可比价工业增加值（万元）计算', 'Measured by value added at comparable prices (10k yuan)'],
  measureOutputNote: ['按现价工业总产值（万元）计算，与驾驶舱“重点企业”卡片一致', 'Measured by gross output at current prices (10k yuan), as the cockpit\'s key-enterprise card'],
  measureCardVA: ['可比价 · 同比', 'Comparable prices · y/y'],
  measureCardOutput: ['工业总产值（现价）· 同比', 'Gross output (current prices) · y/y'],
  measureCardElectricity: ['万千瓦时 · 同比', '10k kWh · y/y'],
  measureCardBreadth: ['制造业大类中增长的占比', 'Share of manufacturing divisions growing'],
  measureCardProjects: ['年内完成投资', 'Invested this year'],
  viewTable: ['表格', 'Table'],
  viewChart: ['图表', 'Chart'],
  scaleHigh: ['高', 'High'],
  scaleLow: ['低', 'Low'],
  pull: ['拉动', 'Pull'],
  contribution: ['贡献率', 'Contribution'],
  seriesValueAdded: ['规上工业增加值', 'Value added'],
  seriesManufacturing: ['制造业', 'Manufacturing'],
  seriesTwoYear: ['两年平均', 'Two-year average'],
  seriesElectricity: ['工业用电量', 'Electricity'],
  clickHint: ['点击图表查看明细', 'Click a chart for details'],
  // Key enterprise table.
  colName: ['企业名称', 'Enterprise'],
  colDivision: ['行业', 'Division'],
  colRegion: ['县区', 'County'],
  colOutput: ['产值（万元）', 'Output (10k yuan)'],
  colOutputGrowth: ['产值增速', 'Output growth'],
  colPull: ['拉动', 'Pull'],
  colPullPoints: ['拉动（百分点）', 'Pull (pp)'],
  colCurrentOutput: ['本期产值（万元）', 'Output (10k yuan)'],
  colPreviousOutput: ['上年同期产值（万元）', 'Output last year (10k yuan)'],
  colCurrentVA: ['本期增加值（可比价，万元）', 'Value added (comparable prices, 10k yuan)'],
  colPreviousVA: ['上年同期增加值（万元）', 'Value added last year (10k yuan)'],
  colValueAddedCurrent: ['增加值（现价，万元）', 'Value added (current prices, 10k yuan)'],
  colElectricityUnit: ['用电量（万千瓦时）', 'Electricity (10k kWh)'],
  colItem: ['指标', 'Item'],
  colActualOfPlan: ['完成/全年计划', 'Done / year plan'],
  colWarning: ['预警', 'Warning'],
  colGrowth: ['增速', 'Growth'],
  colCurrent: ['本期', 'Current'],
  colPrevious: ['上年同期', 'Last year'],
  colContribution: ['贡献率', 'Contribution'],
  colMonths: ['在库月数', 'Months in scope'],
  colNote: ['说明', 'Note'],
  warnRed: ['下降', 'Decline'],
  warnOrange: ['低速', 'Slow'],
  warnGreen: ['正常', 'Normal'],
  warnNone: ['无可比', 'No comparison'],
  filterAll: ['全部', 'All'],
  filterDecline: ['仅下降', 'Declines only'],
  // Projects panel.
  projStarts: ['新开工', 'Starts'],
  projCompletions: ['竣工', 'Completions'],
  projInvestment: ['投资', 'Investment'],
  projActual: ['实际', 'Actual'],
  projPlanned: ['计划（年内至今）', 'Planned (to date)'],
  projYearPlanned: ['全年计划', 'Year plan'],
  projTimeProgress: ['时间进度 {v}', 'Time elapsed {v}'],
  projTimeProgressLabel: ['时间进度', 'Time elapsed'],
  projOfYear: ['{a}/{p} {unit}', '{a} of {p} {unit}'],
  unitProjects: ['个', 'projects'],
  projShareOf: ['{a} / {p}（{v}）', '{a} / {p} ({v})'],
  projStartsDue: ['截至本期应开工', 'Starts due by now'],
  projCompletionsDue: ['截至本期应竣工', 'Completions due by now'],
  projToDate: ['自开工累计完成投资', 'Invested since the start'],
  projTotal: ['项目总数 {n} 个', '{n} projects'],
  // Projects view.
  projectsTitle: ['工业项目', 'Industrial projects'],
  projCount: ['项目数', 'Projects'],
  projTopInvestment: ['年内完成投资前十五的项目', 'Top 15 projects by investment this year'],
  projList: ['项目清单（点击查看详情）', 'Projects (click for details)'],
  projMonthly: ['月度完成投资（万元）', 'Investment by month (10k yuan)'],
  projMilestones: ['项目节点', 'Milestones'],
  projMonthInvestment: ['当月完成投资', 'Invested in the month'],
  projCumulative: ['累计完成投资', 'Cumulative'],
  unitWan: ['万元', '10k yuan'],
  colProject: ['项目名称', 'Project'],
  colStage: ['进展', 'Stage'],
  colPlannedStart: ['计划开工', 'Planned start'],
  colActualStart: ['实际开工', 'Started'],
  colPlannedCompletion: ['计划竣工', 'Planned completion'],
  colActualCompletion: ['实际竣工', 'Completed'],
  colTotalInvestment: ['总投资（万元）', 'Total investment (10k yuan)'],
  colYearPlan: ['年度计划投资（万元）', 'Year plan (10k yuan)'],
  colYtdInvestment: ['年内完成投资（万元）', 'Invested this year (10k yuan)'],
  colPlanShare: ['完成年度计划', 'Share of year plan'],
  colCampaign: ['开工竣工', 'Campaign'],
  colPark: ['园区', 'Park'],
  colChain: ['产业链', 'Chain'],
  stage_planned: ['未开工', 'Not started'],
  stage_started: ['在建', 'Under way'],
  stage_completed: ['已竣工', 'Completed'],
  flagStarted: ['新开工', 'Started'],
  flagStartDue: ['应开未开', 'Start overdue'],
  flagCompleted: ['竣工', 'Completed'],
  flagCompletionDue: ['应竣未竣', 'Completion overdue'],
  projOpenList: ['查看项目清单', 'Open the project list'],
  // Parks and chains panels.
  panelParks: ['园区增加值增速（可比价）', 'Value-added growth by park (comparable prices)'],
  panelChains: ['产业链增加值增速（可比价）', 'Value-added growth by chain (comparable prices)'],
  // Detail views.
  back: ['返回', 'Back'],
  keyAll: ['全部重点企业', 'all key enterprises'],
  detailDivision: ['行业明细', 'Division detail'],
  detailRegion: ['县区明细', 'County detail'],
  detailPark: ['园区明细', 'Park detail'],
  detailChain: ['产业链明细', 'Chain detail'],
  detailKey: ['重点企业明细', 'Key enterprises'],
  detailEnterprises: ['企业构成（按拉动排序）', 'Enterprises (by pull)'],
  detailTopPull: ['拉动前十与后十的企业', 'Top and bottom enterprises by pull'],
  enterpriseHistory: ['企业月度数据', 'Monthly history'],
  colPeriod: ['月份', 'Month'],
  colValueAdded: ['增加值', 'Value added'],
  colElectricity: ['用电量', 'Electricity'],
  colInScope: ['规上', 'In scope'],
  yes: ['是', 'yes'],
  no: ['否', 'no'],
  thisYear: ['本年', 'This year'],
  lastYear: ['上年同期', 'Last year'],
  outputChart: ['工业总产值（万元）', 'Gross output (10k yuan)'],
  // Submission.
  submitTitle: ['月度数据填报（联网直报）', 'Monthly report (online submission)'],
  submitEnterprise: ['填报企业', 'Enterprise'],
  fieldPeriod: ['报告期', 'Period'],
  fieldOutput: ['工业总产值（当月）', 'Gross output (month)'],
  fieldValueAdded: ['工业增加值（当月，现价）', 'Value added (month, current prices)'],
  fieldElectricity: ['工业用电量（当月）', 'Electricity (month)'],
  fieldOutputPrev: ['上年同期工业总产值', 'Gross output, same month last year'],
  fieldOutputShort: ['产值（万元）', 'Output (10k yuan)'],
  fieldValueAddedShort: ['增加值（现价，万元）', 'Value added (current prices, 10k yuan)'],
  fieldElectricityShort: ['用电量（万千瓦时）', 'Electricity (10k kWh)'],
  unitKwh: ['万千瓦时', '10k kWh'],
  noLastYear: ['无上年数据', 'no figure for last year'],
  prevFromPublished: ['取自上年同月已发布数据，不可修改', 'From last year\'s published month; read-only'],
  fieldValueAddedPrev: ['上年同期工业增加值', 'Value added, same month last year'],
  fieldElectricityPrev: ['上年同期用电量', 'Electricity, same month last year'],
  submit: ['提交', 'Submit'],
  submitted: ['已提交，编号 {id}，状态：{state}', 'Submitted as #{id}, state: {state}'],
  submitRejected: ['未通过审核规则，请修改后重新提交', 'Rejected by the audit rules: correct and resubmit'],
  softRuleAsk: ['请填写说明', 'Please explain'],
  hardRule: ['硬规则', 'hard rule'],
  softRule: ['软规则', 'soft rule'],
  warningsTitle: ['提示', 'Warnings'],
  mySubmissions: ['我的填报记录', 'My submissions'],
  // Review.
  reviewTitle: ['填报审核', 'Submission review'],
  reviewEmpty: ['没有待审核的填报', 'Nothing to review'],
  colId: ['编号', 'No.'],
  colState: ['状态', 'State'],
  colSubmittedAt: ['提交时间', 'Submitted'],
  colExplanations: ['说明', 'Explanations'],
  colAction: ['操作', 'Action'],
  approve: ['通过', 'Approve'],
  reject: ['退回', 'Reject'],
  comment: ['审核意见', 'Comment'],
  returnReason: ['退回原因：', 'Reason for return: '],
  noReasonGiven: ['（审核人未填写）', '(none given)'],
  lastYearShort: ['上年', 'Last yr'],
  reviewTabs: ['按状态筛选', 'Filter by state'],
  stateAll: ['全部', 'All'],
  state_submitted: ['待县区审核', 'Awaiting county'],
  state_county_approved: ['待市级审核', 'Awaiting city'],
  state_published: ['已发布', 'Published'],
  state_rejected: ['已退回', 'Rejected'],
  // Errors and states.
  loading: ['加载中…', 'Loading…'],
  noData: ['暂无数据', 'No data'],
  errorForbidden: ['无权访问', 'Not allowed'],
  errorGeneric: ['请求失败：{msg}', 'Request failed: {msg}'],
  role_admin: ['管理员', 'Administrator'],
  role_city: ['市级用户', 'City'],
  role_county: ['县区用户', 'County'],
  role_enterprise: ['企业用户', 'Enterprise'],
  footer: ['数据来源：规上工业企业月度统计（演示数据）', 'Source: monthly survey of industry above scale (demo data)'],
  // The analysis (views/analysis.js) and the downloads of tables (table_export.js).
  navAnalysis: ['分析报告', 'Analysis'],
  analysisKind: ['工业经济运行分析', 'Industrial Economy Monthly Analysis'],
  analysisMeta: ['统计时段：{period} · 范围：{scope}', 'Period: {period} · Scope: {scope}'],
  analysisScope: ['范围', 'Scope'],
  analysisDownload: ['下载全文', 'Download'],
  print: ['打印', 'Print'],
  downloadOf: ['：下载“{name}”', ': download "{name}"'],
  // Comparison with the city (panels/benchmark.js).
  benchTitle: ['与全市比较', 'Compared with the city'],
  benchOwnCounty: ['本县区', 'This county'],
  benchOwnPark: ['本园区', 'This park'],
  benchOwnChain: ['本产业链', 'This chain'],
  benchCity: ['全市', 'Whole city'],
  benchRank_counties: ['县区排名', 'Rank among counties'],
  benchRank_parks: ['园区排名', 'Rank among parks'],
  benchRank_chains: ['产业链排名', 'Rank among chains'],
  benchRankValue: ['第{rank}/{of}', '{rank} of {of}'],
};

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

let lang = localStorage.getItem('zhizao.lang') === 'en' ? 'en' : 'zh';

/** The current language: 'zh' or 'en'. */
export function currentLang() {
  return lang;
}

/** Switches the language and remembers it; callers re-render. */
export function setLang(next) {
  lang = next === 'en' ? 'en' : 'zh';
  localStorage.setItem('zhizao.lang', lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

/** The string for `key` in the current language with {name} placeholders filled from `vars`. */
export function t(key, vars = {}) {
  const entry = table[key];
  const text = entry ? entry[lang === 'zh' ? 0 : 1] : key;
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/**
 * As t(), for markup: the template is escaped and each {name} replaced by vars[name] as given
 * (HTML the caller built and escaped itself, e.g. a figure's span).
 */
export function tHtml(key, vars = {}) {
  const entry = table[key];
  const text = entry ? entry[lang === 'zh' ? 0 : 1] : key;
  const escape = (part) => part.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return text
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      return name && name in vars ? String(vars[name]) : escape(part);
    })
    .join('');
}

/** A period such as "2021-04" as the bureau writes it: 2021年1-4月 / Jan–Apr 2021 (or the month). */
export function periodText(period, monthlyWindow) {
  const [year, month] = period.split('-').map(Number);
  let months;
  if (monthlyWindow) {
    months = month === 2 ? t('monthsJanFeb') : t('monthSingle', { m: month, mon: monthNames[month - 1] });
  } else {
    months = t('monthsRange', { m: month, mon: monthNames[month - 1] });
  }
  return t('periodLabel', { year, months });
}

/** A short month label for chart axes: 21/04 or Apr 21. */
export function monthLabel(period) {
  const [year, month] = period.split('-').map(Number);
  return lang === 'zh' ? `${year % 100}/${String(month).padStart(2, '0')}` : `${monthNames[month - 1]} ${year % 100}`;
}
