#!/usr/bin/python3
"""Unlocks gnome-keyring's login collection in the running daemon, as a
desktop unlock dialog would, for tests (no display for the real prompt).
The password comes on stdin. Uses gnome-keyring's own D-Bus interface for
this, over one connection (the secret's session must belong to the caller)."""
import sys

import dbus

password = sys.stdin.buffer.read()
bus = dbus.SessionBus()
service = bus.get_object('org.freedesktop.secrets', '/org/freedesktop/secrets')
_, session = service.OpenSession('plain', dbus.String('', variant_level=1), dbus_interface='org.freedesktop.Secret.Service')
secret = dbus.Struct((session, dbus.ByteArray(b''), dbus.ByteArray(password), 'text/plain'), signature='oayays')
dbus.Interface(service, 'org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface').UnlockWithMasterPassword(
    dbus.ObjectPath('/org/freedesktop/secrets/collection/login'), secret
)
