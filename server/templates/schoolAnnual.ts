/**
 * Built-in template: the year-end work summary of a primary or secondary school. Each office of
 * the school writes its line of work (party branch, teaching, moral education, staff, safety,
 * logistics, the teachers' union); the principal's office compiles it.
 */
import type { Template } from '../../shared/schema/template.js'
import { planSection, problemsSection } from './commonSections.js'

export const schoolAnnualTemplate: Template = {
  id: 'school-year-end',
  title: '{organisation}{year}年工作总结',
  departments: ['校长办公室', '党支部', '教务处', '德育处', '安全办', '总务处', '校工会'],
  sections: [
    { id: 'lead', title: '导语', department: '校长办公室', lead: true, hint: '开头一段话：在上级教育部门的领导下，围绕立德树人根本任务，全年办学的总体成效，以“现将全年工作总结如下：”收尾', wordTarget: 200 },
    {
      id: 'overview',
      title: '主要工作完成情况',
      department: '校长办公室',
      hint: '用一段话概括全年办学情况：规模、质量、特色和荣誉',
      wordTarget: 300,
      indicators: ['students', 'teachers'],
      children: [
        { id: 'party', title: '党建引领和师德师风建设', department: '党支部', hint: '主题教育、师德师风专项、党风廉政', wordTarget: 300, indicators: ['party_lessons'] },
        { id: 'teaching', title: '教育教学质量稳步提升', department: '教务处', hint: '课堂教学、教研活动、课题研究、学业质量，写明具体数据和变化', wordTarget: 500, indicators: ['pass_rate', 'open_lessons', 'research_projects'] },
        { id: 'moral', title: '德育和家校共育扎实有效', department: '德育处', hint: '主题教育活动、班主任工作、家访和家长学校、心理健康教育', wordTarget: 400, indicators: ['theme_activities', 'home_visits'] },
        { id: 'staff', title: '教师队伍素质不断提高', department: '教务处', hint: '培训进修、青蓝结对、骨干教师培养、获奖情况', wordTarget: 300, indicators: ['teacher_training', 'teacher_awards'] },
        { id: 'safety', title: '校园安全稳定', department: '安全办', hint: '安全责任、隐患排查、应急演练、安全教育', wordTarget: 300, indicators: ['drills', 'hazards_fixed'] },
        { id: 'logistics', title: '后勤保障和办学条件改善', department: '总务处', hint: '校舍维修、设施设备、食堂管理、经费使用', wordTarget: 300, indicators: ['facility_investment'] },
        { id: 'union', title: '关心关爱教职工', department: '校工会', hint: '教代会、走访慰问、文体活动', wordTarget: 200, indicators: ['staff_events'] },
      ],
    },
    problemsSection('校长办公室'),
    planSection('校长办公室', [
      { id: 'plan-teaching', title: '聚焦课堂提升教学质量', department: '教务处' },
      { id: 'plan-moral', title: '深化五育并举', department: '德育处' },
      { id: 'plan-safety', title: '守牢校园安全底线', department: '安全办' },
    ]),
  ],
  indicators: [
    { key: 'students', label: '在校学生', unit: '名', department: '校长办公室', precision: 0 },
    { key: 'teachers', label: '在职教职工', unit: '名', department: '校长办公室', precision: 0 },
    { key: 'party_lessons', label: '开展专题党课和师德教育', unit: '次', department: '党支部', precision: 0 },
    { key: 'pass_rate', label: '学业水平考试合格率', unit: '%', department: '教务处', precision: 1 },
    { key: 'open_lessons', label: '开设公开课、示范课', unit: '节', department: '教务处', precision: 0 },
    { key: 'research_projects', label: '立项课题', unit: '项', department: '教务处', precision: 0 },
    { key: 'theme_activities', label: '开展主题教育活动', unit: '次', department: '德育处', precision: 0 },
    { key: 'home_visits', label: '教师家访', unit: '户', department: '德育处', precision: 0, approx: true },
    { key: 'teacher_training', label: '教师参加各级培训', unit: '人次', department: '教务处', precision: 0 },
    { key: 'teacher_awards', label: '教师获县级以上奖励', unit: '项', department: '教务处', precision: 0 },
    { key: 'drills', label: '开展应急疏散演练', unit: '次', department: '安全办', precision: 0 },
    { key: 'hazards_fixed', label: '排查整改安全隐患', unit: '处', department: '安全办', precision: 0 },
    { key: 'facility_investment', label: '改善办学条件投入', unit: '万元', department: '总务处', precision: 1 },
    { key: 'staff_events', label: '组织教职工文体活动', unit: '场', department: '校工会', precision: 0 },
  ],
}
