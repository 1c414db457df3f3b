import { Menu, Tray, nativeImage, type MenuItemConstructorOptions, type NativeImage } from 'electron'
import path from 'node:path'
import type { TrayMenu, TrayMenuItem } from '../../shared/contract'
import type { TrayService } from '../tray/tray-service'

function iconOf(dir: string, kind: TrayMenu['icon']): NativeImage {
  if (process.platform === 'darwin') {
    // Template images: macOS draws them in the menu bar's colours (light, dark, highlighted).
    const image = nativeImage.createFromPath(path.join(dir, kind === 'warning' ? 'trayWarningTemplate.png' : 'trayTemplate.png'))
    image.setTemplateImage(true)
    return image
  }
  // 16 px with a @2x variant picked by nativeImage for high-DPI; Windows scales from these too.
  return nativeImage.createFromPath(path.join(dir, kind === 'warning' ? 'tray-warning.png' : 'tray.png'))
}

function template(items: readonly TrayMenuItem[], activate: (id: string) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    switch (item.kind) {
      case 'separator':
        return { type: 'separator' }
      case 'status':
        return { label: item.label, enabled: false }
      case 'submenu':
        return { label: item.label, submenu: template(item.items, activate) }
      case 'copy':
      case 'action':
        return { label: item.label, click: () => activate(item.id) }
    }
  })
}

/**
 * The tray icon and its menu, rendered from the tray service's data. The
 * menu is rebuilt whole when it changes (Linux cannot update items in place).
 */
export function createAppTray(service: TrayService, iconDir: string): Tray {
  const render = (menu: TrayMenu, tray: Tray) => {
    tray.setImage(iconOf(iconDir, menu.icon))
    tray.setToolTip(menu.tooltip)
    tray.setContextMenu(Menu.buildFromTemplate(template(menu.items, (id) => void service.activate(id))))
  }
  const menu = service.menu()
  const tray = new Tray(iconOf(iconDir, menu.icon))
  render(menu, tray)
  service.onChange((next) => render(next, tray))
  return tray
}
