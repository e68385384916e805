// Types of the per-language domain text chunks that build/vite.renderer.config.ts generates from shared/knowledge.
declare module 'virtual:domain-texts/*' {
  const table: Record<string, string>;
  export default table;
}
