/**
 * Built-in template: the year-end summary of a county's 供销合作社 (supply-and-marketing co-op):
 * business results, farm supplies, buying farm produce, services for farmers, the grassroots
 * co-ops, the co-op's own companies and Party building; then problems and next year's plan.
 */
import type { Template } from '../../shared/schema/template.js'
import { planSection, problemsSection } from './commonSections.js'

export const coopAnnualTemplate: Template = {
  id: 'coop-year-end',
  title: '{year}年{organisation}工作总结',
  departments: ['办公室', '业务科', '合作指导科', '财务审计科', '机关党支部'],
  sections: [
    { id: 'lead', title: '导语', department: '办公室', lead: true, hint: '开头一段话：在县委县政府和上级社的领导下，围绕为农服务宗旨，全年主要经济指标完成情况，以“现将全年工作总结如下：”收尾', wordTarget: 200 },
    {
      id: 'overview',
      title: '主要工作完成情况',
      department: '办公室',
      hint: '用一段话概括全年主要经济指标：销售总额、利润总额及同比',
      wordTarget: 300,
      indicators: ['sales', 'profit'],
      children: [
        { id: 'supplies', title: '农资保供稳价有力有效', department: '业务科', hint: '化肥、农药、农膜供应和储备，春耕秋种保供', wordTarget: 300, indicators: ['fertiliser', 'pesticide'] },
        { id: 'produce', title: '农产品流通持续拓展', department: '业务科', hint: '农产品收购、冷链和电商销售、农超对接', wordTarget: 300, indicators: ['produce_bought', 'online_sales'] },
        { id: 'services', title: '为农服务能力不断增强', department: '合作指导科', hint: '为农服务中心、土地托管和社会化服务、农民专业合作社', wordTarget: 400, indicators: ['service_centres', 'land_managed'] },
        { id: 'grassroots', title: '基层组织建设扎实推进', department: '合作指导科', hint: '基层社恢复重建和提升、村级综合服务社', wordTarget: 300, indicators: ['grassroots_coops'] },
        { id: 'enterprises', title: '社有企业改革和资产管理', department: '财务审计科', hint: '社有企业改革、资产盘活、财务审计监督', wordTarget: 300, indicators: ['assets_revived'] },
        { id: 'party', title: '党建和党风廉政建设', department: '机关党支部', hint: '理论学习、支部建设、廉政教育', wordTarget: 300 },
      ],
    },
    problemsSection('办公室'),
    planSection('办公室', [
      { id: 'plan-supplies', title: '做好农资保供和农产品流通', department: '业务科' },
      { id: 'plan-services', title: '扩大为农服务覆盖', department: '合作指导科' },
      { id: 'plan-enterprises', title: '深化社有企业改革', department: '财务审计科' },
    ]),
  ],
  indicators: [
    { key: 'sales', label: '实现销售总额', unit: '亿元', department: '财务审计科', precision: 2 },
    { key: 'profit', label: '实现利润总额', unit: '万元', department: '财务审计科', precision: 1 },
    { key: 'fertiliser', label: '供应化肥', unit: '吨', department: '业务科', precision: 0 },
    { key: 'pesticide', label: '供应农药', unit: '吨', department: '业务科', precision: 1 },
    { key: 'produce_bought', label: '收购农产品', unit: '吨', department: '业务科', precision: 0 },
    { key: 'online_sales', label: '农产品网上销售额', unit: '万元', department: '业务科', precision: 1 },
    { key: 'service_centres', label: '新建为农服务中心', unit: '个', department: '合作指导科', precision: 0 },
    { key: 'land_managed', label: '土地托管服务面积', unit: '亩', department: '合作指导科', precision: 0, approx: '余' },
    { key: 'grassroots_coops', label: '新建和提升基层社', unit: '家', department: '合作指导科', precision: 0 },
    { key: 'assets_revived', label: '盘活社有资产', unit: '万元', department: '财务审计科', precision: 1 },
  ],
}
