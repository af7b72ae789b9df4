/** A moment as the page shows it beside a name: 11/30 14:20 (month, day, hour and minute, in the reader's time zone). */
export const shortTime = (at: number): string => new Date(at).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' })
