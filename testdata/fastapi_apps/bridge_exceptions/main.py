"""Payments ledger with a domain-error hierarchy mapped to HTTP by exception handlers."""
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Path, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException


class LedgerError(Exception):
    code = "ledger_error"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class AccountNotFound(LedgerError):
    code = "account_not_found"


class InsufficientFunds(LedgerError):
    code = "insufficient_funds"

    def __init__(self, account: str, balance: int, wanted: int):
        super().__init__(f"{account} has {balance}, needs {wanted}")
        self.shortfall = wanted - balance


class AccountFrozen(LedgerError):
    code = "account_frozen"


class RateLimited(Exception):
    def __init__(self, retry_after: int):
        self.retry_after = retry_after


class AuditCorrupted(Exception):
    """Deliberately has no handler: FastAPI answers a plain 500."""


app = FastAPI(title="Ledger")

ACCOUNTS = {"alice": 100, "bob": 20, "carol": 0}
FROZEN = {"carol"}
REQUESTS_PER_ACCOUNT: dict[str, int] = {}


@app.exception_handler(LedgerError)
async def ledger_error_handler(request: Request, exc: LedgerError):
    return JSONResponse(status_code=400, content={"error": exc.code, "message": exc.message})


@app.exception_handler(AccountNotFound)
async def not_found_handler(request: Request, exc: AccountNotFound):
    return JSONResponse(status_code=404, content={"error": exc.code, "message": exc.message, "path": request.url.path})


@app.exception_handler(InsufficientFunds)
def insufficient_funds_handler(request: Request, exc: InsufficientFunds):
    return JSONResponse(
        status_code=409,
        content={"error": exc.code, "message": exc.message, "shortfall": exc.shortfall},
        headers={"X-Ledger-Error": exc.code},
    )


@app.exception_handler(RateLimited)
async def rate_limited_handler(request: Request, exc: RateLimited):
    return JSONResponse(status_code=429, content={"detail": "Too many requests"}, headers={"Retry-After": str(exc.retry_after)})


@app.exception_handler(StarletteHTTPException)
async def http_error_handler(request: Request, exc: StarletteHTTPException):
    if exc.status_code == 401:
        return JSONResponse(status_code=401, content={"error": "unauthorized", "detail": exc.detail}, headers={"WWW-Authenticate": "Bearer"})
    return JSONResponse(status_code=exc.status_code, content={"error": "http", "detail": exc.detail, "path": request.url.path})


@app.exception_handler(405)
def method_not_allowed(request: Request, exc: HTTPException):
    return PlainTextResponse(f"{request.method} not allowed here ({exc.status_code}: {exc.detail})", status_code=405)


class Transfer(BaseModel):
    source: str
    target: str
    amount: int = Field(gt=0)


def account(name: str) -> int:
    if name not in ACCOUNTS:
        raise AccountNotFound(f"no account named {name!r}")
    return ACCOUNTS[name]


@app.get("/accounts/{name}")
def balance(name: Annotated[str, Path(min_length=2)]):
    REQUESTS_PER_ACCOUNT[name] = REQUESTS_PER_ACCOUNT.get(name, 0) + 1
    if REQUESTS_PER_ACCOUNT[name] > 3:
        raise RateLimited(retry_after=30)
    return {"account": name, "balance": account(name)}


@app.post("/transfers", status_code=201)
def transfer(t: Transfer):
    available = account(t.source)
    account(t.target)
    if t.source in FROZEN or t.target in FROZEN:
        raise AccountFrozen("transfers involving a frozen account are refused")
    if t.source == t.target:
        raise HTTPException(status_code=400, detail="source and target must differ", headers={"X-Ledger-Error": "same_account"})
    if available < t.amount:
        raise InsufficientFunds(t.source, available, t.amount)
    ACCOUNTS[t.source] -= t.amount
    ACCOUNTS[t.target] += t.amount
    return {"source": ACCOUNTS[t.source], "target": ACCOUNTS[t.target]}


@app.get("/audit/{name}")
def audit(name: str):
    if name == "alice":
        raise AuditCorrupted("checksum mismatch in journal")
    if name == "root":
        raise HTTPException(status_code=403, detail="Forbidden", headers={"WWW-Authenticate": 'Bearer realm="ledger"'})
    return {"account": name, "entries": []}


@app.get("/divide")
def divide(total: int, parts: int):
    return {"share": total // parts, "rest": total % parts}


class PolicyViolation(LedgerError):
    code = "policy_violation"

    def __init__(self, rule: str, limit: int = 100, *, severity: str = "high"):
        super().__init__(f"rule {rule} (limit {limit})")
        self.rule = rule
        self.limit = limit
        self.severity = severity


class QuotaExceeded(ValueError):
    """A ValueError subclass without a handler: caught by `except ValueError`, else a 500."""


class Misconfigured(Exception):
    pass


@app.exception_handler(PolicyViolation)
async def policy_handler(request: Request, exc: PolicyViolation):
    return JSONResponse(
        status_code=422,
        content={
            "error": exc.code,
            "message": str(exc),
            "args": list(exc.args),
            "rule": exc.rule,
            "limit": exc.limit,
            "severity": exc.severity,
            "repr": repr(exc),
            "method": request.method,
        },
    )


@app.exception_handler(Misconfigured)
def misconfigured_handler(request: Request, exc: Misconfigured):
    return {"detail": "an exception handler must return a response"}


def require_token(token: str | None = None) -> str:
    credentials_exception = HTTPException(
        status_code=401,
        detail="Could not validate credentials",
        headers={"WWW-Authenticate": "Bearer"},
    )
    if token is None:
        raise credentials_exception
    if not token.startswith("tok-"):
        raise credentials_exception
    return token[4:]


def ledger_user(user: Annotated[str, Depends(require_token)]) -> str:
    if user == "ghost":
        raise AccountNotFound(f"no user {user!r}")
    return user


@app.get("/whoami")
def whoami(user: Annotated[str, Depends(ledger_user)]):
    return {"user": user}


@app.get("/policy/{rule}")
def policy(rule: str, user: Annotated[str, Depends(require_token)], limit: int = 100, severe: bool = True):
    if rule == "quota":
        try:
            raise QuotaExceeded(f"quota for {user}", limit)
        except ValueError as e:
            return {"caught": str(e), "repr": repr(e), "is_quota": isinstance(e, QuotaExceeded)}
    if rule == "unhandled":
        raise QuotaExceeded("no handler for this one")
    if rule == "misconfigured":
        raise Misconfigured()
    if severe:
        raise PolicyViolation(rule, limit)
    raise PolicyViolation(rule, severity="low")
