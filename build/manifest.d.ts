/** Types for build/manifest.js (plain CommonJS so webpack.config.js can require it without a compiler). */
export declare const DEV_ORIGIN: string;
export declare function normalizePublicUrl(url: string): string;
export declare function resolvePublicUrl(env?: Record<string, string | undefined>, packageJsonPath?: string): string;
export declare function toProductionManifest(xml: string, publicUrl: string): string;
