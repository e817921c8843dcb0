"""deploy/: the Kubernetes manifests against Kubernetes' own schemas (offline, from the
kubernetes-validate package), and the rules a deployment must keep for the people who
use it: only the gateway reachable, Redis in memory only, every part probed."""

from __future__ import annotations

import re
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
KUBERNETES_VERSION = "1.28.0"
MANIFESTS = sorted((DEPLOY / "kubernetes").glob("*.yaml"))
DOCUMENTS = [doc for path in MANIFESTS for doc in yaml.safe_load_all(path.read_text()) if doc]
QUANTITY = re.compile(r"^\d+(\.\d+)?(m|Mi|Gi)?$")


def of_kind(kind: str) -> list[dict]:
    return [doc for doc in DOCUMENTS if doc["kind"] == kind]


def containers() -> list[dict]:
    return [c for d in of_kind("Deployment") for c in d["spec"]["template"]["spec"]["containers"]]


@pytest.mark.parametrize("document", DOCUMENTS,
                         ids=[f"{d['kind']}/{d['metadata']['name']}" for d in DOCUMENTS])
def test_every_manifest_is_valid_kubernetes(document: dict) -> None:
    # strict: a misspelt field is an error, not silently ignored.
    kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)


def test_every_container_is_probed_and_asks_for_what_it_measured_to_need() -> None:
    assert {c["name"] for c in containers()} == {"gateway", "rasa", "actions", "redis"}
    for container in containers():
        assert "readinessProbe" in container and "livenessProbe" in container, container["name"]
        requests = container["resources"]["requests"]
        assert QUANTITY.match(str(requests["memory"])), (container["name"], requests)
        assert QUANTITY.match(str(container["resources"]["limits"]["memory"]))


def test_only_the_gateway_is_reachable() -> None:
    policies = {p["metadata"]["name"]: p["spec"] for p in of_kind("NetworkPolicy")}
    closed = policies["default-deny"]
    assert closed["podSelector"] == {} and set(closed["policyTypes"]) == {"Ingress", "Egress"}
    open_to_all = [spec for spec in policies.values() for rule in spec.get("ingress", [])
                   if "from" not in rule]
    assert [spec["podSelector"] for spec in open_to_all] == [{"matchLabels": {"app": "gateway"}}]
    # No Service is published outside the cluster except through an Ingress in front.
    assert all(s["spec"].get("type", "ClusterIP") == "ClusterIP" for s in of_kind("Service"))


def test_redis_keeps_conversations_in_memory_only() -> None:
    (redis,) = [d for d in of_kind("Deployment") if d["metadata"]["name"] == "redis"]
    assert redis["spec"]["replicas"] == 1  # one lock store serialises a conversation's turns
    pod = redis["spec"]["template"]["spec"]
    assert "volumes" not in pod
    args = pod["containers"][0]["args"]
    assert args[args.index("--save") + 1] == ""
    assert args[args.index("--appendonly") + 1] == "no"


def test_rasa_scales_by_pods_and_never_drops_to_none() -> None:
    (hpa,) = [h for h in of_kind("HorizontalPodAutoscaler") if h["metadata"]["name"] == "rasa"]
    assert hpa["spec"]["minReplicas"] >= 2
    (budget,) = of_kind("PodDisruptionBudget")
    assert budget["spec"]["minAvailable"] >= 1


# ---- docker-compose.yml: no schema ships offline, so a parse and the same rules ------

COMPOSE = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())


def test_compose_pairs_each_rasa_with_its_own_action_server() -> None:
    services = COMPOSE["services"]
    rasas = sorted(name for name in services if name.startswith("rasa-"))
    assert len(rasas) >= 2
    gateway = services["gateway"]["environment"]
    assert gateway["RASA_URLS"].split(",") == [f"http://{r}:5005" for r in rasas]
    for rasa in rasas:
        actions = rasa.replace("rasa-", "actions-")
        assert actions in services
        env = services[rasa]["environment"]
        assert env["ACTION_ENDPOINT_URL"] == f"http://{actions}:5055/webhook"
        assert env["NLG_ENDPOINT_URL"] == f"http://{actions}:5055/nlg"
        assert env["REDIS_HOST"] == "redis"


def test_compose_publishes_only_the_gateway_and_redis_never_persists() -> None:
    services = COMPOSE["services"]
    assert [name for name, s in services.items() if "ports" in s] == ["gateway"]
    assert COMPOSE["networks"]["backend"]["internal"] is True
    assert all(s["networks"] == ["backend"] for name, s in services.items() if name != "gateway")
    command = services["redis"]["command"]
    assert command[command.index("--save") + 1] == ""
    assert command[command.index("--appendonly") + 1] == "no"
    assert "volumes" not in services["redis"]


def test_the_gateway_runs_with_the_launchers_flags_everywhere() -> None:
    # --no-access-log above all: uvicorn's access log would record IP addresses.
    flags = ["--no-access-log", "--no-server-header", "--ws", "none", "--timeout-keep-alive"]
    launcher = (DEPLOY.parent / "tools" / "launcher.py").read_text()
    (gateway,) = [c for c in containers() if c["name"] == "gateway"]
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    for flag in flags:
        assert f'"{flag}"' in launcher
        assert flag in gateway["command"]
        assert f'"{flag}"' in dockerfile


def test_no_pod_gets_service_link_variables() -> None:
    # Kubernetes would set RASA_PORT=tcp://10.0.0.1:5005 for the `rasa` Service in every
    # pod, and the settings (common/settings.py) read RASA_PORT as a port number: every
    # part, the gateway's fallback included, would fail at start.
    for deployment in of_kind("Deployment"):
        assert deployment["spec"]["template"]["spec"]["enableServiceLinks"] is False
