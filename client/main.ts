/** Client entry: mounts the Vue app with the router. */
import './polyfills.js'
import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router.js'
import './styles.css'

createApp(App).use(router).mount('#app')
