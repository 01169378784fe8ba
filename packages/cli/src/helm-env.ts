/**
 * Helm's environment (pkg/cli EnvSettings). Helm sets these for a plugin from its own flags and
 * config, and honours them when set by the user, so we read them in both cases.
 */
export interface HelmEnv {
  namespace?: string;
  kubeContext?: string;
  repositoryConfig?: string;
  repositoryCache?: string;
  registryConfig?: string;
  debug: boolean;
  /** True when started by `helm trivy` (Helm sets HELM_PLUGIN_NAME for plugins). */
  asPlugin: boolean;
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === "" ? undefined : v;
}

export function readHelmEnv(env: NodeJS.ProcessEnv): HelmEnv {
  const out: HelmEnv = {
    debug: env.HELM_DEBUG === "true" || env.HELM_DEBUG === "1",
    asPlugin: nonEmpty(env.HELM_PLUGIN_NAME) !== undefined,
  };
  const set = (key: keyof HelmEnv, name: string) => {
    const v = nonEmpty(env[name]);
    if (v !== undefined) (out as unknown as Record<string, string>)[key] = v;
  };
  set("namespace", "HELM_NAMESPACE");
  set("kubeContext", "HELM_KUBECONTEXT");
  set("repositoryConfig", "HELM_REPOSITORY_CONFIG");
  set("repositoryCache", "HELM_REPOSITORY_CACHE");
  set("registryConfig", "HELM_REGISTRY_CONFIG");
  return out;
}
