/**
 * The response header in which every API answer names the build of the client the server hands
 * out (the address of its entry script), so that a page left open through an update notices.
 */
export const CLIENT_BUILD_HEADER = 'X-Huizong-Client'
