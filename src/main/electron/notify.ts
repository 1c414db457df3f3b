import { Notification } from 'electron'

/** A desktop notification, where the OS supports them. */
export function notify(title: string, body: string): void {
  if (Notification.isSupported()) new Notification({ title, body, silent: false }).show()
}
