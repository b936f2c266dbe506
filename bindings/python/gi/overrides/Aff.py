# PyGObject overrides for libaffaires (GI namespace Aff, version 1)
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Sugar over the exact C API, never a second implementation:
#
# - Aff.Money: Python operators, str()/repr(), and decimal.Decimal in and
#   out.  Every operation calls the C function, so errors
#   (CURRENCY_MISMATCH, OVERFLOW, INVALID_VALUE) come out as the same
#   GLib.Error the C API raises.
# - datetime.date is accepted wherever the C API takes a GDate argument, and
#   Aff.to_date() turns a GLib.Date back into a datetime.date.
# - Objects and records with an id print as <Aff.Client ACME>.
#
# List models (Gio.ListModel) are already iterable, sized and indexable in
# PyGObject: for client in portfolio.get_clients().

import datetime
import decimal
import functools

from ..overrides import override
from ..module import get_introspection_module
from gi.repository import GLib
import gi._gi as _gi

Aff = get_introspection_module('Aff')

__all__ = []


def _to_gdate(value):
    # datetime.datetime is a date too; a day is what the API means.
    if isinstance(value, datetime.date):
        return GLib.Date.new_dmy(value.day, GLib.DateMonth(value.month), value.year)
    return value


def to_date(gdate):
    """A GLib.Date as a datetime.date; None and invalid dates give None."""
    if gdate is None or not gdate.valid():
        return None
    return datetime.date(gdate.get_year(), int(gdate.get_month()), gdate.get_day())


__all__.append('to_date')


def _date_arguments(info):
    """The positions (self counted) and names of the GDate in-arguments."""
    positions, names = [], []
    offset = 1 if info.is_method() else 0
    for index, arg in enumerate(info.get_arguments()):
        if arg.get_direction() != _gi.Direction.IN:
            continue
        tag = arg.get_type()
        if tag.get_tag() != _gi.TypeTag.INTERFACE:
            continue
        iface = tag.get_interface()
        if iface.get_namespace() == 'GLib' and iface.get_name() == 'Date':
            positions.append(index + offset)
            names.append(arg.get_name())
    return positions, names


def _accept_dates(func, positions, names, static):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        args = [(_to_gdate(a) if i in positions else a) for i, a in enumerate(args)]
        for name in names:
            if name in kwargs:
                kwargs[name] = _to_gdate(kwargs[name])
        return func(*args, **kwargs)
    return staticmethod(wrapper) if static else wrapper


def _repr_with_id(self):
    return '<Aff.%s %s>' % (type(self).__name__, self.get_id())


def _sweeten(module):
    repository = _gi.Repository.get_default()
    for info in repository.get_infos('Aff'):
        if not isinstance(info, (_gi.ObjectInfo, _gi.StructInfo)):
            continue
        cls = getattr(module, info.get_name(), None)
        if cls is None or not isinstance(cls, type):
            continue
        for method in info.get_methods():
            positions, names = _date_arguments(method)
            if not positions:
                continue
            name = method.get_name()
            setattr(cls, name, _accept_dates(getattr(cls, name), positions, names, not method.is_method()))
        if any(m.get_name() == 'get_id' and m.is_method() and not m.get_arguments()
               for m in info.get_methods()):
            cls.__repr__ = _repr_with_id


class Money(Aff.Money):
    """An exact amount of money (minor units and an ISO 4217 code).

    ``str()`` gives the canonical text (``"1234.56 EUR"``); ``==`` is
    Aff.Money.equal (amounts in different currencies are never equal);
    ``<``, ``<=``, ``>``, ``>=`` use Aff.Money.compare and raise the
    CURRENCY_MISMATCH GLib.Error across currencies; ``+``, ``-`` and unary
    ``-`` raise CURRENCY_MISMATCH or OVERFLOW as the C functions do.
    """

    def __str__(self):
        return self.to_string()

    def to_decimal(self):
        """The amount as an exact decimal.Decimal, in major units."""
        return decimal.Decimal(self.get_minor()).scaleb(-self.get_exponent())

    @staticmethod
    def from_decimal(value, currency):
        """An Aff.Money from a decimal.Decimal (or an int) and an ISO 4217
        code.  More decimals than the currency has is an INVALID_VALUE
        GLib.Error: money is never rounded behind the caller's back."""
        if isinstance(value, float):
            raise TypeError('a float cannot hold money exactly: use decimal.Decimal')
        text = format(decimal.Decimal(value), 'f')
        return Aff.Money.parse('%s %s' % (text, currency))

    def __repr__(self):
        return '<Aff.Money %s>' % self.to_string()

    def __eq__(self, other):
        if not isinstance(other, Aff.Money):
            return NotImplemented
        return Aff.Money.equal(self, other)

    def __ne__(self, other):
        if not isinstance(other, Aff.Money):
            return NotImplemented
        return not Aff.Money.equal(self, other)

    def __hash__(self):
        # Consistent with equal(): same minor count and same currency.
        return hash((self.get_minor(), self.get_currency()))

    def __lt__(self, other):
        if not isinstance(other, Aff.Money):
            return NotImplemented
        return Aff.Money.compare(self, other) < 0

    def __le__(self, other):
        if not isinstance(other, Aff.Money):
            return NotImplemented
        return Aff.Money.compare(self, other) <= 0

    def __gt__(self, other):
        if not isinstance(other, Aff.Money):
            return NotImplemented
        return Aff.Money.compare(self, other) > 0

    def __ge__(self, other):
        if not isinstance(other, Aff.Money):
            return NotImplemented
        return Aff.Money.compare(self, other) >= 0

    def __add__(self, other):
        if not isinstance(other, Aff.Money):
            return NotImplemented
        return Aff.Money.add(self, other)

    def __sub__(self, other):
        if not isinstance(other, Aff.Money):
            return NotImplemented
        return Aff.Money.subtract(self, other)

    def __neg__(self):
        return Aff.Money.negate(self)


Money = override(Money)
__all__.append('Money')


_sweeten(Aff)
