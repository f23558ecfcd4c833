export { SOURCE_EXTENSIONS, findStackFrames } from './frames';
export type { Frame, FrameKind } from './frames';
export { createFrameResolver, isInsideFolder, resolveFramePath } from './resolve';
export type { ResolveOptions, SourceMapping, WorkspaceFolderRef } from './resolve';
