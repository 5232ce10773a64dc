import { longerNamespaceOwner, networkPrefixes } from "../namespaces";
import type { PolicyProblem, PolicySubject } from "../policy-subject";

/**
 * NAME_IN_ANOTHER_NAMESPACE when a name under the network's prefix lies in another registered
 * network's longer, more specific namespace (`CultureAgoraLab` for `culture` beside `culture-agora`).
 */
export function otherNamespaceProblem(subject: PolicySubject, name: string, kind: "type" | "field", coordinate: string): PolicyProblem | null {
  const owner = longerNamespaceOwner(name, kind, subject.typePrefix.length, subject.otherNetworks);
  if (!owner) return null;
  const theirs = kind === "type" ? networkPrefixes(owner).typePrefix : networkPrefixes(owner).fieldPrefix;
  return {
    code: "NAME_IN_ANOTHER_NAMESPACE",
    coordinate,
    message: `${coordinate} lies in the namespace of network "${owner}" (${theirs}…), which is more specific than ${kind === "type" ? subject.typePrefix : subject.fieldPrefix}…; choose a name that does not start with ${theirs}.`,
  };
}
