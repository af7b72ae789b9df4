/**
 * Built-in template: the year-end work summary of an industrial park's management committee
 * (管委会). Skeleton and owners follow how such reports are organised (DOMAIN.md).
 */
import type { Template } from '../../shared/schema/template.js'
import { planSection, problemsSection } from './commonSections.js'

export const parkAnnualTemplate: Template = {
  id: 'park-annual',
  title: '{organisation}{year}年度工作总结',
  departments: ['办公室', '经济发展局', '招商部', '规划建设局', '安监办', '党建办', '工会'],
  sections: [
    {
      id: 'overview',
      title: '主要工作完成情况',
      department: '办公室',
      hint: '用一段话概括全年工作和主要经济指标完成情况',
      wordTarget: 300,
      indicators: ['gdp_industrial', 'tax_revenue'],
      children: [
        { id: 'economy', title: '经济运行稳中有进', department: '经济发展局', hint: '规上工业产值、税收、固定资产投资，写明同比变化', wordTarget: 400, indicators: ['gdp_industrial', 'tax_revenue', 'fixed_investment'] },
        {
          id: 'investment',
          title: '招商引资取得新突破',
          department: '招商部',
          hint: '新签项目、协议资金、到位资金，列出重点项目名称',
          wordTarget: 500,
          indicators: ['new_projects', 'agreed_funds', 'arrived_funds'],
          children: [
            { id: 'investment-channels', title: '拓宽招商渠道', department: '招商部', hint: '以商招商、驻点招商、展会招商的做法和成效' },
            { id: 'investment-service', title: '做优项目服务', department: '招商部', hint: '项目代办、跟踪服务、落地投产情况' },
          ],
        },
        { id: 'infrastructure', title: '园区承载能力持续提升', department: '规划建设局', hint: '道路、供排水、标准厂房、土地供应与盘活', wordTarget: 400, indicators: ['land_supplied', 'idle_land_cleared'] },
        { id: 'safety', title: '安全生产形势总体平稳', department: '安监办', hint: '责任书签订、日常巡查、隐患整改、应急演练', wordTarget: 400, indicators: ['safety_agreements', 'inspections', 'hazards_fixed'] },
        { id: 'party', title: '党建和作风建设不断加强', department: '党建办', hint: '主题教育、党风廉政、效能建设', wordTarget: 300 },
        { id: 'union', title: '职工队伍凝聚力明显增强', department: '工会', hint: '职工活动、技能竞赛、困难帮扶', wordTarget: 300, indicators: ['union_events'] },
      ],
    },
    problemsSection('办公室'),
    planSection('办公室', [
      { id: 'plan-investment', title: '聚焦主导产业精准招商', department: '招商部' },
      { id: 'plan-platform', title: '完善基础设施配套', department: '规划建设局' },
      { id: 'plan-safety', title: '压紧压实安全生产责任', department: '安监办' },
    ]),
  ],
  indicators: [
    { key: 'gdp_industrial', label: '规上工业总产值', unit: '亿元', department: '经济发展局', precision: 1 },
    { key: 'tax_revenue', label: '园区全年税收', unit: '万元', department: '经济发展局', precision: 0 },
    { key: 'fixed_investment', label: '固定资产投资', unit: '亿元', department: '经济发展局', precision: 1 },
    { key: 'new_projects', label: '新签工业项目', unit: '个', department: '招商部', precision: 0 },
    { key: 'agreed_funds', label: '协议资金', unit: '亿元', department: '招商部', precision: 1 },
    { key: 'arrived_funds', label: '到位资金', unit: '亿元', department: '招商部', precision: 1 },
    { key: 'land_supplied', label: '完成供地', unit: '亩', department: '规划建设局', precision: 0 },
    { key: 'idle_land_cleared', label: '盘活闲置低效土地', unit: '亩', department: '规划建设局', precision: 0 },
    { key: 'safety_agreements', label: '签订安全生产责任书', unit: '份', department: '安监办', precision: 0 },
    { key: 'inspections', label: '开展日常巡查', unit: '次', department: '安监办', precision: 0, approx: true },
    { key: 'hazards_fixed', label: '整改安全隐患', unit: '处', department: '安监办', precision: 0 },
    { key: 'union_events', label: '组织职工文体活动', unit: '场', department: '工会', precision: 0 },
  ],
}
