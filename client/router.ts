/** Routes: login, summaries list, the editor page `/s/<summaryId>`, administration and help. */
import { createRouter, createWebHistory } from 'vue-router'
import { useCurrentUser } from './composables/useCurrentUser.js'

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/login', component: () => import('./pages/LoginPage.vue'), meta: { public: true } },
    { path: '/', component: () => import('./pages/SummaryListPage.vue') },
    { path: '/s/:summaryId', component: () => import('./pages/SummaryPage.vue'), props: true },
    { path: '/s/:summaryId/progress', component: () => import('./pages/ProgressPage.vue'), props: true },
    { path: '/admin', component: () => import('./pages/AdminPage.vue'), meta: { adminOnly: true } },
    { path: '/help', component: () => import('./pages/HelpPage.vue') },
    { path: '/:rest(.*)', redirect: '/' },
  ],
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const user = await useCurrentUser().load()
  if (!user) return { path: '/login', query: { next: to.fullPath } }
  // 系统管理 is the admin's (the server refuses everyone else anyway): others land on their list.
  return to.meta.adminOnly && user.role !== 'admin' ? '/' : true
})
