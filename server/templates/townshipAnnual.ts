/**
 * Built-in template: the year-end summary of a 乡镇人民政府 or 街道办事处. Its sections follow the
 * offices a township has after the 机构改革: the economy and projects, 乡村振兴, the environment
 * and building, people's livelihood, 平安建设 (disputes, 信访, safety), Party building; then
 * problems and next year's plan.
 */
import type { Template } from '../../shared/schema/template.js'
import { planSection, problemsSection } from './commonSections.js'

export const townshipAnnualTemplate: Template = {
  id: 'township-year-end',
  title: '{organisation}{year}年工作总结和{nextYear}年工作计划',
  departments: ['党政办公室', '党建工作办公室', '经济发展办公室', '乡村振兴办公室', '生态环境和规划建设办公室', '社会事务办公室', '平安建设办公室'],
  sections: [
    { id: 'lead', title: '导语', department: '党政办公室', lead: true, hint: '开头一段话：在县委县政府的坚强领导下，全镇（街道）围绕什么目标，全年主要指标完成情况，以“现将有关情况报告如下：”收尾', wordTarget: 200 },
    {
      id: 'overview',
      title: '主要工作完成情况',
      department: '党政办公室',
      hint: '用一段话概括全年主要经济指标完成情况：一般公共预算收入、固定资产投资及同比',
      wordTarget: 300,
      indicators: ['fiscal_revenue', 'fixed_investment'],
      children: [
        { id: 'economy', title: '经济发展稳中有进', department: '经济发展办公室', hint: '招商引资、项目建设、企业服务和税源培育，写明签约项目和协议投资', wordTarget: 500, indicators: ['projects_signed', 'agreed_investment'] },
        { id: 'rural', title: '乡村振兴全面推进', department: '乡村振兴办公室', hint: '粮食生产、特色产业、村集体经济、巩固拓展脱贫攻坚成果、和美乡村建设', wordTarget: 500, indicators: ['grain_area', 'farmer_income', 'strong_villages'] },
        { id: 'ecology', title: '生态环境和人居环境持续改善', department: '生态环境和规划建设办公室', hint: '河湖长制、大气和水污染防治、农村改厕和垃圾污水治理、农村公路', wordTarget: 400, indicators: ['toilets', 'rural_roads'] },
        { id: 'livelihood', title: '民生保障不断加强', department: '社会事务办公室', hint: '就业创业、社会保险、教育卫生、养老服务、困难群众救助', wordTarget: 400, indicators: ['new_jobs', 'relief_funds'] },
        { id: 'stability', title: '平安建设扎实有效', department: '平安建设办公室', hint: '矛盾纠纷排查化解、信访、安全生产和防汛、禁毒和反诈，写明化解率', wordTarget: 400, indicators: ['disputes_found', 'disputes_resolved', 'resolution_rate'] },
        { id: 'party', title: '党的建设全面加强', department: '党建工作办公室', hint: '理论学习、基层党组织建设、干部队伍、党风廉政建设', wordTarget: 400, indicators: ['party_members_trained'] },
      ],
    },
    problemsSection('党政办公室'),
    planSection('党政办公室', [
      { id: 'plan-economy', title: '聚力项目建设，推动经济高质量发展', department: '经济发展办公室' },
      { id: 'plan-rural', title: '全面推进乡村振兴', department: '乡村振兴办公室' },
      { id: 'plan-livelihood', title: '持续增进民生福祉', department: '社会事务办公室' },
      { id: 'plan-stability', title: '建设更高水平的平安乡镇', department: '平安建设办公室' },
      { id: 'plan-party', title: '全面加强党的建设', department: '党建工作办公室' },
    ]),
  ],
  indicators: [
    { key: 'fiscal_revenue', label: '完成一般公共预算收入', unit: '万元', department: '经济发展办公室', precision: 1 },
    { key: 'fixed_investment', label: '完成固定资产投资', unit: '亿元', department: '经济发展办公室', precision: 2 },
    { key: 'projects_signed', label: '新签约项目', unit: '个', department: '经济发展办公室', precision: 0 },
    { key: 'agreed_investment', label: '协议投资额', unit: '亿元', department: '经济发展办公室', precision: 1 },
    { key: 'grain_area', label: '粮食播种面积', unit: '亩', department: '乡村振兴办公室', precision: 0, approx: '余' },
    { key: 'farmer_income', label: '农村居民人均可支配收入', unit: '元', department: '乡村振兴办公室', precision: 0 },
    { key: 'strong_villages', label: '村集体经营性收入超过10万元的村', unit: '个', department: '乡村振兴办公室', precision: 0 },
    { key: 'toilets', label: '完成农村户厕改造', unit: '户', department: '生态环境和规划建设办公室', precision: 0 },
    { key: 'rural_roads', label: '新建改造农村公路', unit: '公里', department: '生态环境和规划建设办公室', precision: 1 },
    { key: 'new_jobs', label: '新增就业', unit: '人', department: '社会事务办公室', precision: 0 },
    { key: 'relief_funds', label: '发放各类救助资金', unit: '万元', department: '社会事务办公室', precision: 1 },
    { key: 'disputes_found', label: '排查矛盾纠纷', unit: '件', department: '平安建设办公室', precision: 0 },
    { key: 'disputes_resolved', label: '化解矛盾纠纷', unit: '件', department: '平安建设办公室', precision: 0, parent: 'disputes_found' },
    { key: 'resolution_rate', label: '矛盾纠纷化解率', unit: '%', department: '平安建设办公室', precision: 1, ratio: { part: 'disputes_resolved', whole: 'disputes_found' } },
    { key: 'party_members_trained', label: '培训党员', unit: '人次', department: '党建工作办公室', precision: 0 },
  ],
}
