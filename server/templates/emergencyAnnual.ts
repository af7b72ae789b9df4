/**
 * Built-in template: the year-end summary of a county's or a park's 应急管理 (安全生产) office. Its
 * sections follow that work: the responsibility system, hazard inspection and rectification,
 * law enforcement, training and publicity, emergency preparedness and drills, disaster
 * prevention; then problems and next year's plan.
 */
import type { Template } from '../../shared/schema/template.js'
import { planSection, problemsSection } from './commonSections.js'

export const emergencyAnnualTemplate: Template = {
  id: 'emergency-year-end',
  title: '{organisation}{year}年安全生产和应急管理工作总结',
  departments: ['办公室', '综合协调股', '执法大队', '应急救援股', '防灾减灾股'],
  sections: [
    { id: 'lead', title: '导语', department: '办公室', lead: true, hint: '开头一段话：在谁的领导下，坚持什么理念，全年安全生产形势的总体判断（事故起数、死亡人数同比），以“现将全年工作总结如下：”收尾', wordTarget: 200 },
    {
      id: 'overview',
      title: '主要工作完成情况',
      department: '办公室',
      hint: '用一段话概括全年安全生产和应急管理工作：形势总体平稳、事故起数和死亡人数“双下降”等',
      wordTarget: 300,
      indicators: ['accidents', 'deaths'],
      children: [
        { id: 'responsibility', title: '安全生产责任体系不断健全', department: '综合协调股', hint: '责任书签订、党政同责、“一岗双责”、安委会会议、考核巡查', wordTarget: 300, indicators: ['agreements', 'committee_meetings'] },
        { id: 'hazards', title: '隐患排查治理扎实推进', department: '综合协调股', hint: '重点行业领域专项整治、隐患排查和整改闭环，写明整改率', wordTarget: 400, indicators: ['inspections', 'hazards_found', 'hazards_fixed', 'rectification_rate'] },
        { id: 'enforcement', title: '执法检查力度持续加大', department: '执法大队', hint: '执法检查企业数、立案查处、罚款，典型案例曝光', wordTarget: 300, indicators: ['enterprises_checked', 'cases_filed', 'fines'] },
        { id: 'training', title: '宣传教育培训深入开展', department: '综合协调股', hint: '安全生产月、主要负责人和安全管理人员培训、“五进”宣传', wordTarget: 300, indicators: ['trainings', 'trainees'] },
        { id: 'rescue', title: '应急救援能力明显提升', department: '应急救援股', hint: '预案修订、应急演练、救援队伍和物资储备、值班值守', wordTarget: 300, indicators: ['drills', 'drill_participants'] },
        { id: 'disaster', title: '防灾减灾工作有序开展', department: '防灾减灾股', hint: '防汛抗旱、森林防灭火、自然灾害风险普查、受灾群众救助', wordTarget: 300 },
      ],
    },
    problemsSection('办公室', '企业主体责任落实、基层监管力量、应急能力短板，实事求是写清原因'),
    planSection('办公室', [
      { id: 'plan-hazards', title: '深化重点领域专项整治', department: '综合协调股' },
      { id: 'plan-enforcement', title: '严格精准执法', department: '执法大队' },
      { id: 'plan-rescue', title: '提升应急处置能力', department: '应急救援股' },
      { id: 'plan-disaster', title: '筑牢防灾减灾防线', department: '防灾减灾股' },
    ]),
  ],
  indicators: [
    { key: 'accidents', label: '全年发生生产安全事故', unit: '起', department: '办公室', precision: 0 },
    { key: 'deaths', label: '事故死亡人数', unit: '人', department: '办公室', precision: 0 },
    { key: 'agreements', label: '签订安全生产目标管理责任书', unit: '份', department: '综合协调股', precision: 0 },
    { key: 'committee_meetings', label: '召开安委会会议', unit: '次', department: '综合协调股', precision: 0 },
    { key: 'inspections', label: '开展安全检查', unit: '次', department: '综合协调股', precision: 0, approx: true },
    { key: 'hazards_found', label: '排查一般隐患', unit: '处', department: '综合协调股', precision: 0 },
    { key: 'hazards_fixed', label: '整改隐患', unit: '处', department: '综合协调股', precision: 0, parent: 'hazards_found' },
    { key: 'rectification_rate', label: '隐患整改率', unit: '%', department: '综合协调股', precision: 1, ratio: { part: 'hazards_fixed', whole: 'hazards_found' } },
    { key: 'enterprises_checked', label: '执法检查企业', unit: '家', department: '执法大队', precision: 0 },
    { key: 'cases_filed', label: '立案查处', unit: '起', department: '执法大队', precision: 0 },
    { key: 'fines', label: '罚款', unit: '万元', department: '执法大队', precision: 2 },
    { key: 'trainings', label: '举办安全培训', unit: '期', department: '综合协调股', precision: 0 },
    { key: 'trainees', label: '培训人员', unit: '人次', department: '综合协调股', precision: 0, approx: '多' },
    { key: 'drills', label: '组织应急演练', unit: '场', department: '应急救援股', precision: 0 },
    { key: 'drill_participants', label: '参演人员', unit: '人次', department: '应急救援股', precision: 0, approx: '余' },
  ],
}
