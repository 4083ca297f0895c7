/**
 * A pictogram beside its words. The words say what it shows, so to a screen reader it is decorative
 * (alt=""): nobody hears "school, school".
 */
export function Picture({ src, size = 64, className = "" }: { src: string; size?: number; className?: string }) {
  return <img className={`er-picture ${className}`} src={src} alt="" width={size} height={size} />;
}
