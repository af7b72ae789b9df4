/**
 * Built-in template: the year-end work summary of a trade union (a park's, an enterprise's or a
 * school's 工会). The skeleton follows how union summaries are organised: organisation and
 * members, labour competitions, workers' rights, help for workers in difficulty, culture,
 * women workers, the union's own funds; then problems and next year's plan.
 */
import type { Template } from '../../shared/schema/template.js'
import { planSection, problemsSection } from './commonSections.js'

export const unionAnnualTemplate: Template = {
  id: 'union-year-end',
  title: '{organisation}{year}年工会工作总结',
  departments: ['工会办公室', '组织宣传部', '权益保障部', '女职工委员会', '经费审查委员会'],
  sections: [
    { id: 'lead', title: '导语', department: '工会办公室', lead: true, hint: '开头一段话：在谁的领导下，围绕什么中心工作，全年工会工作的总体成效，以“现将全年工作总结如下：”收尾', wordTarget: 200 },
    {
      id: 'overview',
      title: '主要工作完成情况',
      department: '工会办公室',
      hint: '用一段话概括全年工会工作：围绕中心、服务大局、维护职工权益的主要成效',
      wordTarget: 300,
      indicators: ['members_total', 'new_members'],
      children: [
        { id: 'organisation', title: '基层组织建设和会员发展', department: '组织宣传部', hint: '新建基层工会、职工入会、工会规范化建设', wordTarget: 300, indicators: ['new_unions', 'new_members'] },
        { id: 'competition', title: '劳动竞赛和技能比武', department: '组织宣传部', hint: '劳动竞赛、技能比武、合理化建议、劳模和工匠的选树宣传', wordTarget: 300, indicators: ['competitions', 'competition_entrants'] },
        { id: 'rights', title: '维护职工合法权益', department: '权益保障部', hint: '集体协商和集体合同、厂务公开、职工代表大会、劳动争议调处', wordTarget: 400, indicators: ['contracts_signed', 'congresses_held'] },
        { id: 'care', title: '困难职工帮扶和送温暖', department: '权益保障部', hint: '走访慰问、困难职工帮扶、金秋助学、夏送清凉', wordTarget: 400, indicators: ['families_helped', 'relief_funds', 'students_aided'] },
        { id: 'culture', title: '职工文化生活丰富多彩', department: '组织宣传部', hint: '文体活动、职工书屋、职工之家建设', wordTarget: 300, indicators: ['events', 'participants'] },
        { id: 'women', title: '女职工工作', department: '女职工委员会', hint: '女职工权益保护专项合同、健康体检、巾帼建功', wordTarget: 300, indicators: ['women_checkups'] },
        { id: 'funds', title: '工会经费管理和审查', department: '经费审查委员会', hint: '经费收缴、使用和审查监督', wordTarget: 200, indicators: ['fund_audits'] },
      ],
    },
    problemsSection('工会办公室'),
    planSection('工会办公室', [
      { id: 'plan-organisation', title: '扩大工会组织覆盖', department: '组织宣传部' },
      { id: 'plan-rights', title: '深化职工维权服务', department: '权益保障部' },
      { id: 'plan-women', title: '做实女职工关爱', department: '女职工委员会' },
    ]),
  ],
  indicators: [
    { key: 'members_total', label: '工会会员总数', unit: '名', department: '组织宣传部', precision: 0 },
    { key: 'new_members', label: '新发展会员', unit: '名', department: '组织宣传部', precision: 0 },
    { key: 'new_unions', label: '新建基层工会', unit: '个', department: '组织宣传部', precision: 0 },
    { key: 'competitions', label: '组织劳动竞赛和技能比武', unit: '场', department: '组织宣传部', precision: 0 },
    { key: 'competition_entrants', label: '参赛职工', unit: '人次', department: '组织宣传部', precision: 0, approx: true },
    { key: 'contracts_signed', label: '签订集体合同', unit: '份', department: '权益保障部', precision: 0 },
    { key: 'congresses_held', label: '召开职工代表大会', unit: '次', department: '权益保障部', precision: 0 },
    { key: 'families_helped', label: '走访帮扶困难职工', unit: '户', department: '权益保障部', precision: 0 },
    { key: 'relief_funds', label: '发放帮扶慰问资金', unit: '万元', department: '权益保障部', precision: 2 },
    { key: 'students_aided', label: '金秋助学资助学生', unit: '名', department: '权益保障部', precision: 0 },
    { key: 'events', label: '组织职工文体活动', unit: '场', department: '组织宣传部', precision: 0 },
    { key: 'participants', label: '参与职工', unit: '人次', department: '组织宣传部', precision: 0, approx: '多' },
    { key: 'women_checkups', label: '组织女职工健康体检', unit: '人', department: '女职工委员会', precision: 0 },
    { key: 'fund_audits', label: '开展经费审查', unit: '次', department: '经费审查委员会', precision: 0 },
  ],
}
