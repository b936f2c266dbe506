# PyGObject overrides for libaffaires (GI namespace Aff, version 1)
#
# SPDX-License-Identifier: LGPL-2.1-or-later
#
# Only Aff.Money gets sugar: Python operators and str()/repr() over the
# exact C arithmetic.  Every operation calls the C function, so errors
# (CURRENCY_MISMATCH, OVERFLOW) come out as the same GLib.Error the C API
# raises; nothing here re-implements money in Python.

from ..overrides import override
from ..module import get_introspection_module

Aff = get_introspection_module('Aff')

__all__ = []


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
