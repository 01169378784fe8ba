/**
 * Where each workload kind keeps its pod spec (the Kubernetes API's PodTemplateSpec nesting), and
 * the container lists of a pod spec. A table, so that adding a kind is one line.
 */

/** Keys from the resource root to the pod spec. */
export const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ["spec"],
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  ReplicationController: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
  PodTemplate: ["template", "spec"],
};

/** The lists of a pod spec (and, by the same names, of operator CRs) that hold containers. */
export const CONTAINER_LISTS: ReadonlySet<string> = new Set(["containers", "initContainers", "ephemeralContainers"]);

export function podSpecPath(kind: string): readonly string[] | undefined {
  return Object.hasOwn(POD_SPEC_PATHS, kind) ? POD_SPEC_PATHS[kind] : undefined;
}

/** The pod spec's list of volumes: an `image` volume (KEP-4639) is pulled like a container image. */
export const POD_VOLUMES = "volumes";
