"""Models: network types, alias generators, alias choices and paths."""
from ipaddress import IPv4Address, IPv4Network, IPv6Address
from typing import Optional

from pydantic import AliasChoices, AliasPath, AnyUrl, BaseModel, ConfigDict, Field, HttpUrl, IPvAnyAddress
from pydantic.alias_generators import to_camel


class Message(BaseModel):
    detail: str


class Product(BaseModel):
    id: int
    name: str
    version: int = 1


class Host(BaseModel):
    model_config = ConfigDict(alias_generator=to_camel, populate_by_name=True)

    host_name: str
    ipv4_address: IPv4Address
    ipv6_address: Optional[IPv6Address] = None
    any_address: Optional[IPvAnyAddress] = None
    subnet: Optional[IPv4Network] = None
    home_page: Optional[AnyUrl] = None
    docs_url: HttpUrl = Field("https://docs.example.com/", alias="docs")


class ManagedHost(Host):
    owner_team: str = "platform"


class Contact(BaseModel):
    model_config = ConfigDict(alias_generator=lambda name: name.upper())

    full_name: str = Field(validation_alias=AliasChoices("fullName", "full_name", "name"))
    city: str = Field(validation_alias=AliasPath("address", "city"))
    email_address: Optional[str] = None


class Label(BaseModel):
    key: str = Field(validation_alias=AliasChoices(AliasPath("meta", "key"), "key", "k"))
    value: str
