import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface DisplayComment {
  id: string;
  by: string;
  body: string;
  resolved: boolean;
}

/** The forum's comments on one question; `action` adds a control under each open comment. */
export function CommentList({
  comments,
  action,
}: {
  comments: DisplayComment[];
  action?: (comment: DisplayComment) => ReactNode;
}) {
  const { t } = useTranslation("questions");
  return (
    <ul className="card-list">
      {comments.map((comment) => (
        <li key={comment.id}>
          <p className="hint">
            {t(comment.resolved ? "authoring.resolvedComment" : "authoring.openComment", { by: comment.by })}
          </p>
          <p>{comment.body}</p>
          {comment.resolved || !action ? null : action(comment)}
        </li>
      ))}
    </ul>
  );
}
